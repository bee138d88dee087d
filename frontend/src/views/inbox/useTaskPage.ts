import { computed, shallowRef, type Ref } from 'vue'
import { fetchTask, listTodo, type RequestSummary } from '@/api/inbox'
import { fetchRequest, type RequestDetail } from '@/api/requests'
import { useLoader } from '@/composables/useLoader'
import { useSessionStore } from '@/stores/session'

/**
 * The task and what the reviewer may see of its request. GET /requests/{code} answers 403 to a
 * reviewer who has not acted yet, so the summary then comes from the 待办 row instead.
 */
export function useTaskPage(taskId: Ref<string>) {
  const session = useSessionStore()
  const task = useLoader(() => fetchTask(taskId.value))
  const request = shallowRef<RequestDetail | null>(null)
  const summary = shallowRef<RequestSummary | null>(null)

  async function loadRequest(code: string): Promise<void> {
    try {
      request.value = await fetchRequest(code)
    } catch {
      request.value = null
      const todo = await listTodo({ page: 1, perPage: 100 }).catch(() => null)
      const row = todo?.data.find((item) => item.id === taskId.value)
      summary.value = row?.request ?? null
    }
  }

  async function load(): Promise<void> {
    const loaded = await task.load()
    if (loaded) await loadRequest(loaded.requestCode)
  }

  const me = computed(() => String(session.user?.id ?? ''))
  /** 委派 to me: the only thing left to do is 交还. */
  const delegatedToMe = computed(
    () => task.data.value?.delegationState === 'pending' && task.data.value.assignee === me.value
  )
  const waitingSignoffs = computed(() =>
    (task.data.value?.signoffs ?? []).some(
      (s) => s.position === 'before' && (s.status === 'pending' || s.status === 'waiting')
    )
  )
  const scopeDatasets = computed<string[]>(() => {
    const scope = task.data.value?.scope as { ownerReview?: { datasets?: string[] } } | null
    return scope?.ownerReview?.datasets ?? []
  })

  return { task, request, summary, load, delegatedToMe, waitingSignoffs, scopeDatasets }
}
