import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { toApiError } from '@/api/http'
import { endRequest, urgeRequest, type EndAction, type RequestDetail } from '@/api/requests'
import { useSessionStore } from '@/stores/session'

const RUNNING = ['submitted', 'in_review', 'returned']

/** 催办 / 撤回 / 取消 on a request: who may, and the calls with their feedback. */
export function useRequestActions(request: Ref<RequestDetail | null>, reload: () => unknown) {
  const { t } = useI18n()
  const session = useSessionStore()
  const mine = computed(() => request.value?.applicantId === session.user?.id)
  const status = computed(() => request.value?.status ?? 'cancelled')
  const reviewerActed = computed(() =>
    (request.value?.timeline ?? []).some(
      (e) =>
        e.type === 'task_completed' ||
        (e.type.startsWith('action_') && !['action_urge', 'action_remind'].includes(e.type))
    )
  )

  const can = computed(() => ({
    urge: status.value === 'in_review' && mine.value,
    // 撤回 only while no reviewer has acted (the server answers 409 otherwise).
    withdraw:
      mine.value && ['submitted', 'in_review'].includes(status.value) && !reviewerActed.value,
    cancel: RUNNING.includes(status.value) && (mine.value || session.can('process.manage')),
    amend: mine.value && status.value === 'returned',
  }))

  async function urge(note: string): Promise<boolean> {
    try {
      const reached = await urgeRequest(request.value!.code, note || null)
      ElMessage.success(t('requests.urged', { n: reached }))
      return true
    } catch (failure) {
      const error = toApiError(failure)
      // The server's message already says how long to wait; Retry-After backs it up.
      const wait = error.retryAfter ? Math.ceil(error.retryAfter / 60) : null
      ElMessage.error(
        error.status === 429 && wait && !/\d/.test(error.message)
          ? t('requests.urgeTooSoon', { minutes: wait })
          : error.message
      )
      return error.status === 429
    }
  }

  async function end(action: EndAction, reason: string): Promise<boolean> {
    try {
      await endRequest(request.value!.code, action, reason)
      ElMessage.success(t(action === 'withdraw' ? 'requests.withdrawn' : 'requests.cancelled'))
      await reload()
      return true
    } catch (failure) {
      ElMessage.error(toApiError(failure).message)
      await reload()
      return false
    }
  }

  return { can, urge, end }
}
