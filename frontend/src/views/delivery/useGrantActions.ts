import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { toApiError } from '@/api/http'
import { changeGrantStatus, type Grant, type GrantAction } from '@/api/grants'
import { useSessionStore } from '@/stores/session'

const DONE: Record<GrantAction, string> = {
  suspend: 'grants.suspended',
  resume: 'grants.resumed',
  revoke: 'grants.revoked',
}

/**
 * 暂停 / 恢复 / 撤销 with a reason dialog, for the list and the detail page. Who may is decided
 * by the server per grant (owners of one of its datasets, the security officer); the buttons
 * only follow the roles so that the applicant is not offered what would be refused.
 */
export function useGrantActions(changed: (grant: Grant) => unknown) {
  const { t } = useI18n()
  const session = useSessionStore()
  const pending = ref<{ grant: Grant; action: GrantAction } | null>(null)

  function available(grant: Grant): GrantAction[] {
    const manager =
      session.hasAnyRole(['security_officer']) ||
      (session.hasAnyRole(['owner_reviewer']) &&
        grant.datasets.some((d) => d.ownerOrgId === session.user?.organisationId))
    if (!manager) return []
    if (grant.status === 'active') return ['suspend', 'revoke']
    if (grant.status === 'suspended') return ['resume', 'revoke']
    return []
  }

  const open = computed({
    get: () => pending.value !== null,
    set: (value) => {
      if (!value) pending.value = null
    },
  })

  const dialog = computed(() => {
    const action = pending.value?.action ?? 'suspend'
    return {
      title: t(`grants.${action}Title`, { code: pending.value?.grant.code ?? '' }),
      label: t('requests.reason'),
      required: true,
      submit,
    }
  })

  async function submit(reason: string): Promise<boolean> {
    const target = pending.value
    if (!target) return true
    try {
      const grant = await changeGrantStatus(target.grant.id, target.action, reason)
      ElMessage.success(t(DONE[target.action]))
      await changed(grant)
      return true
    } catch (failure) {
      ElMessage.error(toApiError(failure).message)
      return false
    }
  }

  function start(grant: Grant, action: GrantAction): void {
    pending.value = { grant, action }
  }

  return { available, start, open, dialog, pending }
}
