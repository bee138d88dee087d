import type { DatasetSnapshot } from '#services/catalog/dataset_snapshot'

export interface RuleViolation {
  field: string
  rule: string
  message: string
}

/*
 * Rules of the sharing regime (DOMAIN.md §3) that hold within one dataset's metadata.
 * Rules that need the database (codes that must exist, unique names) live in SaveDataset.
 */
export function datasetRuleViolations(def: DatasetSnapshot): RuleViolation[] {
  const violations: RuleViolation[] = []
  const add = (field: string, rule: string, message: string) =>
    violations.push({ field, rule, message })

  if (def.sharingAttribute !== 'unconditional' && !def.legalBasis?.trim()) {
    add(
      'legalBasis',
      'legalBasis.required',
      '有条件共享和不予共享必须说明法律法规或政策依据 / conditional and not-shared data need a stated legal basis'
    )
  }
  if (def.isOpen && def.sharingAttribute === 'not_shared') {
    add(
      'isOpen',
      'open.notShared',
      '不予共享的数据不能向社会开放 / data not shared between departments cannot be open to the public'
    )
  }
  if (def.isOpen && def.grade !== 'general') {
    add(
      'isOpen',
      'open.grade',
      '重要数据和核心数据不能向社会开放 / important and core data cannot be open to the public'
    )
  }
  if (def.isOpen && def.secrecyLabel) {
    add(
      'isOpen',
      'open.secrecy',
      '带密级标识的数据不能向社会开放 / data with a secrecy label cannot be open to the public'
    )
  }
  if (def.timeCoverageStart && def.timeCoverageEnd && def.timeCoverageEnd < def.timeCoverageStart) {
    add(
      'timeCoverageEnd',
      'timeCoverage.order',
      '时间范围的结束日期早于开始日期 / coverage ends before it starts'
    )
  }
  if (def.format !== 'document' && def.fields.length === 0) {
    add(
      'fields',
      'fields.required',
      '除文档类资源外必须描述字段 / a dataset other than a document needs its fields'
    )
  }
  const seen = new Set<string>()
  def.fields.forEach((field, i) => {
    if (seen.has(field.name))
      add(`fields.${i}.name`, 'fields.distinct', `字段名重复：${field.name} / duplicate field name`)
    seen.add(field.name)
  })
  if (def.storeTable !== null && !/^[a-z][a-z0-9_]{1,63}$/.test(def.storeTable)) {
    add('storeTable', 'regex', '存储表名不合法 / invalid store table name')
  }
  return violations
}
