import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { ElMessage } from 'element-plus'
import { toApiError } from '@/api/http'
import { useInboxStore } from '@/stores/inbox'

export type OpKey =
  | 'approve'
  | 'reject'
  | 'return'
  | 'transfer'
  | 'delegate'
  | 'resolve'
  | 'add_signoff'
  | 'remove_signoff'
  | 'cc'

/** Operations after which the task is no longer mine to act on. */
const LEAVING: OpKey[] = ['approve', 'reject', 'return', 'transfer', 'delegate', 'resolve']

/**
 * Runs a reviewer operation with the feedback every one of them needs: success message and
 * fresh badge counts; on 409 the server's reason and a reload; on 404 back to the inbox.
 */
export function useTaskOps(reload: () => Promise<unknown>) {
  const { t } = useI18n()
  const router = useRouter()
  const inbox = useInboxStore()

  async function run(op: OpKey, call: () => Promise<unknown>): Promise<boolean> {
    try {
      await call()
    } catch (failure) {
      const error = toApiError(failure)
      if (error.status === 409) {
        ElMessage.error(t('task.conflict', { message: error.message }))
        await reload()
        void inbox.refresh()
      } else if (error.status === 404) {
        ElMessage.error(t('task.gone'))
        void inbox.refresh()
        await router.replace({ name: 'inbox' })
      } else {
        ElMessage.error(error.message)
      }
      return false
    }
    ElMessage.success(t(`task.done.${op}`))
    void inbox.refresh()
    if (LEAVING.includes(op)) await router.replace({ name: 'inbox' })
    else await reload()
    return true
  }

  return { run }
}
