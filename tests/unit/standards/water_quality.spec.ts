import { test } from '@japa/runner'
import {
  assessCompliance,
  classifyWater,
  exceedingParameters,
  isPhCompliant,
  parameterClass,
  InvalidWaterValueError,
  UnknownWaterParameterError,
  type ClassParameter,
  type WaterBody,
  type WaterClass,
} from '../../../app/services/standards/water_quality.js'

const CLASSES: WaterClass[] = ['I', 'II', 'III', 'IV', 'V']

// GB 3838-2002 Table 1, written out here independently of the source.
const LIMITS: [ClassParameter, WaterBody, number[]][] = [
  ['cod', 'river', [15, 15, 20, 30, 40]],
  ['nh3n', 'river', [0.15, 0.5, 1.0, 1.5, 2.0]],
  ['codmn', 'river', [2, 4, 6, 10, 15]],
  ['bod5', 'river', [3, 3, 4, 6, 10]],
  ['tp', 'river', [0.02, 0.1, 0.2, 0.3, 0.4]],
  ['tp', 'lake', [0.01, 0.025, 0.05, 0.1, 0.2]],
  ['tn', 'lake', [0.2, 0.5, 1.0, 1.5, 2.0]],
]

/** Best class whose limit equals this one (COD/BOD5 share the I and II limit). */
function expectedClassAt(limits: number[], index: number): WaterClass {
  return CLASSES[limits.indexOf(limits[index])]
}

test.group('Water quality | class edges for "≤" parameters', () => {
  for (const [parameter, waterBody, limits] of LIMITS) {
    limits.forEach((limit, index) => {
      const expected = expectedClassAt(limits, index)
      test(`${parameter} (${waterBody}) at ${limit} is class ${expected}`, ({ assert }) => {
        assert.strictEqual(parameterClass(parameter, limit, waterBody), expected)
      })

      const above = Number((limit * 1.01).toFixed(4))
      const next =
        index === 4
          ? '劣V'
          : expectedClassAt(
              limits,
              limits.findIndex((l) => l >= above)
            )
      test(`${parameter} (${waterBody}) at ${above} is class ${next}`, ({ assert }) => {
        assert.strictEqual(parameterClass(parameter, above, waterBody), next)
      })
    })
  }

  test('COD and BOD5 never produce class II because I and II share a limit', ({ assert }) => {
    assert.strictEqual(parameterClass('cod', 14.99), 'I')
    assert.strictEqual(parameterClass('cod', 15.01), 'III')
    assert.strictEqual(parameterClass('bod5', 3.01), 'III')
  })

  test('zero is class I', ({ assert }) => {
    assert.strictEqual(parameterClass('nh3n', 0), 'I')
  })
})

test.group('Water quality | DO is "≥" (higher is better)', () => {
  const doLimits = [7.5, 6, 5, 3, 2]
  doLimits.forEach((limit, index) => {
    test(`DO at ${limit} mg/L is class ${CLASSES[index]}`, ({ assert }) => {
      assert.strictEqual(parameterClass('do', limit), CLASSES[index])
    })
    const below = Number((limit - 0.01).toFixed(2))
    const next = index === 4 ? '劣V' : CLASSES[index + 1]
    test(`DO at ${below} mg/L is class ${next}`, ({ assert }) => {
      assert.strictEqual(parameterClass('do', below), next)
    })
  })

  test('supersaturated DO stays class I', ({ assert }) => {
    assert.strictEqual(parameterClass('do', 12), 'I')
  })
})

test.group('Water quality | pH', () => {
  test('6 and 9 are compliant, just outside is not', ({ assert }) => {
    assert.isTrue(isPhCompliant(6))
    assert.isTrue(isPhCompliant(9))
    assert.isFalse(isPhCompliant(5.99))
    assert.isFalse(isPhCompliant(9.01))
  })

  test('pH out of range does not change the class but is reported', ({ assert }) => {
    const result = classifyWater({ cod: 10, ph: 9.5 })
    assert.strictEqual(result.waterClass, 'I')
    assert.isFalse(result.phCompliant)
    assert.notProperty(result.parameterClasses, 'ph')
  })

  test('pH not measured gives phCompliant null', ({ assert }) => {
    assert.isNull(classifyWater({ cod: 10 }).phCompliant)
  })

  test('pH above 14 is invalid', ({ assert }) => {
    assert.throws(() => isPhCompliant(14.5), InvalidWaterValueError)
  })
})

test.group('Water quality | overall class', () => {
  test('the worst parameter sets the class', ({ assert }) => {
    const result = classifyWater({ cod: 12, nh3n: 1.2, do: 6.5, codmn: 3, ph: 7.4 })
    assert.strictEqual(result.waterClass, 'IV')
    assert.deepEqual(result.worstParameters, ['nh3n'])
    assert.deepEqual(result.parameterClasses, { cod: 'I', nh3n: 'IV', do: 'II', codmn: 'II' })
    assert.isTrue(result.phCompliant)
  })

  test('several parameters can share the worst class', ({ assert }) => {
    const result = classifyWater({ cod: 35, tp: 0.35, nh3n: 0.3 })
    assert.strictEqual(result.waterClass, 'V')
    assert.sameMembers(result.worstParameters, ['cod', 'tp'])
  })

  test('any parameter beyond V makes the sample 劣V', ({ assert }) => {
    const result = classifyWater({ cod: 10, do: 1.5 })
    assert.strictEqual(result.waterClass, '劣V')
    assert.deepEqual(result.worstParameters, ['do'])
  })

  test('the same TP is class II in a river but IV in a lake', ({ assert }) => {
    assert.strictEqual(classifyWater({ tp: 0.08 }).waterClass, 'II')
    assert.strictEqual(classifyWater({ tp: 0.08 }, { waterBody: 'lake' }).waterClass, 'IV')
  })

  test('TN is assessed for lakes and not for rivers', ({ assert }) => {
    const river = classifyWater({ cod: 10, tn: 3 })
    assert.strictEqual(river.waterClass, 'I')
    assert.deepEqual(river.notAssessed, ['tn'])
    assert.strictEqual(classifyWater({ cod: 10, tn: 3 }, { waterBody: 'lake' }).waterClass, '劣V')
  })

  test('a sample with only pH has no class', ({ assert }) => {
    assert.isNull(classifyWater({ ph: 7 }).waterClass)
  })

  test('negative, non-finite and unknown values are rejected', ({ assert }) => {
    assert.throws(() => classifyWater({ cod: -1 }), InvalidWaterValueError)
    assert.throws(() => classifyWater({ nh3n: Number.NaN }), InvalidWaterValueError)
    assert.throws(() => classifyWater({ lead: 0.01 } as never), UnknownWaterParameterError)
    assert.throws(() => classifyWater({ toString: 1 } as never), UnknownWaterParameterError)
  })
})

test.group('Water quality | exceedance against a target class', () => {
  test('multiples are (C − limit) / limit against the target class', ({ assert }) => {
    const exceeding = exceedingParameters({ cod: 25, nh3n: 1.5, codmn: 5 }, 'III')
    assert.lengthOf(exceeding, 2)
    const cod = exceeding.find((e) => e.parameter === 'cod')!
    const nh3n = exceeding.find((e) => e.parameter === 'nh3n')!
    assert.deepInclude(cod, { value: 25, limit: 20 })
    assert.closeTo(cod.multiple!, 0.25, 1e-9)
    assert.deepInclude(nh3n, { value: 1.5, limit: 1.0 })
    assert.closeTo(nh3n.multiple!, 0.5, 1e-9)
  })

  test('a value exactly on the target limit does not exceed', ({ assert }) => {
    assert.deepEqual(exceedingParameters({ cod: 20, do: 5, ph: 9 }, 'III'), [])
  })

  test('DO below target and pH out of range exceed without a multiple', ({ assert }) => {
    const exceeding = exceedingParameters({ do: 4, ph: 5.5 }, 'III')
    assert.deepEqual(exceeding, [
      { parameter: 'do', value: 4, limit: 5, multiple: null },
      { parameter: 'ph', value: 5.5, limit: 6, multiple: null },
    ])
  })

  test('a stricter target finds exceedances a looser one does not', ({ assert }) => {
    assert.lengthOf(exceedingParameters({ nh3n: 0.8 }, 'II'), 1)
    assert.lengthOf(exceedingParameters({ nh3n: 0.8 }, 'III'), 0)
  })

  test('lake TP limits apply to lakes', ({ assert }) => {
    const [tp] = exceedingParameters({ tp: 0.08 }, 'III', { waterBody: 'lake' })
    assert.strictEqual(tp.limit, 0.05)
    assert.closeTo(tp.multiple!, 0.6, 1e-9)
  })

  test('compliance reports 达标 or 不达标', ({ assert }) => {
    const ok = assessCompliance({ cod: 18, nh3n: 0.9, do: 5.5, ph: 7.2 }, 'III')
    assert.deepInclude(ok, { status: '达标', compliant: true, waterClass: 'III' })
    const bad = assessCompliance({ cod: 18, nh3n: 0.9, do: 5.5, ph: 9.2 }, 'III')
    assert.deepInclude(bad, { status: '不达标', compliant: false, waterClass: 'III' })
    assert.deepEqual(
      bad.exceeding.map((e) => e.parameter),
      ['ph']
    )
  })

  test('劣V is not a valid target class', ({ assert }) => {
    assert.throws(
      () => exceedingParameters({ cod: 10 }, '劣V' as never),
      UnknownWaterParameterError
    )
  })
})
