import { DateTime } from 'luxon'
import type { Group } from '@japa/runner/core'
import workflowRuntime from '#services/workflow_runtime'
import { isolate } from '#tests/helpers'
import { upsertDataset } from '#services/catalog/upsert_dataset'
import type { DatasetDefinition } from '#services/catalog/dataset_definition'

/** A catalog entry for request tests; labels are what the route depends on. */
export function definition(
  code: string,
  overrides: Partial<DatasetDefinition> = {}
): DatasetDefinition {
  return {
    code,
    nameZh: `测试数据集${code}`,
    nameEn: `Test dataset ${code}`,
    description: '用于申请流程测试的数据集',
    categoryCode: 'EQ',
    subcategoryCode: 'EQ-AIR',
    providerCode: 'JC-EEB-MON',
    sourceSystem: '空气自动监测系统',
    format: 'table',
    updateFrequency: 'hourly',
    spatialCoverage: ['420102'],
    fields: [
      { name: 'station_code', labelZh: '站点编码', labelEn: 'Station code', type: 'string' },
      { name: 'pm25', labelZh: 'PM2.5', labelEn: 'PM2.5', type: 'decimal', unit: 'µg/m³' },
    ],
    sharingAttribute: 'unconditional',
    legalBasis: null,
    grade: 'general',
    isOpen: false,
    deliveryModes: ['api'],
    freeTags: [],
    controlledTags: [],
    contact: { name: '张监测' },
    storeTable: null,
    ...overrides,
  }
}

export async function catalog() {
  await upsertDataset(definition('T-AIR-OPEN'))
  await upsertDataset(
    definition('T-AIR-COND', {
      sharingAttribute: 'conditional',
      legalBasis: '《政务数据共享条例》第十二条',
    })
  )
  await upsertDataset(
    definition('T-ENF-IMPORTANT', {
      sharingAttribute: 'conditional',
      grade: 'important',
      legalBasis: '数据安全法第二十一条',
      providerCode: 'JC-EEB-ENF',
    })
  )
  await upsertDataset(
    definition('T-SECRET-NO', {
      sharingAttribute: 'not_shared',
      legalBasis: '涉及国家秘密，依据《保守国家秘密法》不予共享',
    })
  )
}

export function form(datasets: string[], overrides: Record<string, unknown> = {}) {
  return {
    datasets,
    fields: ['pm25'],
    purpose: '开展大气污染溯源分析',
    scenario: '环境质量预警',
    legalBasis: '《政务数据共享条例》',
    validUntil: DateTime.now().plus({ months: 6 }).toISODate(),
    deliveryModes: ['api'],
    contact: '李申请 13871230001',
    ...overrides,
  }
}

/** Each test in its own rolled-back transaction, with the engine's memory dropped and the request catalog. */
export function requestGroup(group: Group) {
  isolate(group)
  group.each.setup(async () => {
    // The engine keeps deployments and instances in memory; each test's transaction starts empty.
    workflowRuntime.reset()
    await catalog()
  })
}
