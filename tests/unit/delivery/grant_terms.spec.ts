import { test } from '@japa/runner'
import { grantedFields, grantedLabels, parseRowScope } from '#services/delivery/grant_terms'

const schema = [
  { name: 'station_code', isSensitive: false },
  { name: 'pm25', isSensitive: false },
  { name: 'operator_phone', isSensitive: true },
]
const general = { sharingAttribute: 'unconditional', grade: 'general', secrecyLabel: null } as const
const reviewed = {
  sharingAttribute: 'conditional',
  grade: 'important',
  secrecyLabel: null,
} as const

test.group('Delivery · grant terms', () => {
  test('row scope: key=value lists, JSON, and prose kept as a note', ({ assert }) => {
    assert.deepEqual(parseRowScope('district_code=420102,420103; from=2026-01-01；to=2026-07-01'), {
      districts: ['420102', '420103'],
      from: '2026-01-01',
      to: '2026-07-01',
    })
    assert.deepEqual(parseRowScope('{"stations":["AS001"],"enterprises":"E1"}'), {
      stations: ['AS001'],
      enterprises: ['E1'],
    })
    assert.deepEqual(parseRowScope('江岸区近三年的数据'), { note: '江岸区近三年的数据' })
    assert.deepEqual(parseRowScope('district=420102; colour=red'), {
      note: 'district=420102; colour=red',
    })
    assert.deepEqual(parseRowScope(null), {})
  })

  test('fields: requested ones of the dataset, or all non-sensitive; sensitive only after review', ({
    assert,
  }) => {
    assert.deepEqual(grantedFields(general, schema, []), ['station_code', 'pm25'])
    assert.deepEqual(grantedFields(general, schema, ['pm25', 'operator_phone', 'other']), ['pm25'])
    assert.deepEqual(grantedFields(reviewed, schema, ['pm25', 'operator_phone']), [
      'pm25',
      'operator_phone',
    ])
  })

  test('labels: conditional rows after owner approval, sensitive after security review, secret never', ({
    assert,
  }) => {
    assert.deepEqual(grantedLabels(general), {
      sharingScopes: ['open', 'unconditional'],
      classificationLevels: ['public', 'internal'],
    })
    const wide = grantedLabels(reviewed)
    assert.include(wide.sharingScopes, 'conditional')
    assert.include(wide.classificationLevels, 'sensitive')
    assert.notInclude(wide.classificationLevels, 'secret')
  })
})
