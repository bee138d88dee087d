import type QualityCase from '#models/quality_case'

export function transformQualityCase(qc: QualityCase) {
  return {
    code: qc.code,
    dataset: qc.dataset ? { code: qc.dataset.code, name: qc.dataset.nameZh } : null,
    provider: qc.provider ? { code: qc.provider.code, name: qc.provider.name } : null,
    rule: qc.rule,
    description: qc.description,
    targetScore: qc.targetScore,
    roundWorkingDays: qc.roundWorkingDays,
    status: qc.status,
    round: qc.round,
    escalated: qc.escalated,
    version: qc.version,
    openedAt: qc.openedAt.toISO(),
    closedAt: qc.closedAt?.toISO() ?? null,
  }
}
