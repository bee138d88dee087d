import { test } from '@japa/runner'
import { creditCodeCheckChar, isValidCreditCode } from '#services/credit_code'
import { passwordProblems } from '#services/password_policy'
import { canonicalise, digest, hashRow, type ChainedFields } from '#services/audit/hash_chain'
import { csvCell } from '#services/audit/audit_query'
import { permissionsOf, ROLES } from '#services/roles'
import { maskPhone } from '#services/personal_data'

test.group('Unified social credit code (GB 32100-2015)', () => {
  test('computes the check character of a published sample', ({ assert }) => {
    assert.equal(creditCodeCheckChar('91350100M000100Y4'), '3')
    assert.isTrue(isValidCreditCode('91350100M000100Y43'))
  })

  test('rejects a wrong check character, forbidden letters and wrong length', ({ assert }) => {
    assert.isFalse(isValidCreditCode('91350100M000100Y44'))
    assert.isFalse(isValidCreditCode('91350100M000100I43'))
    assert.isFalse(isValidCreditCode('91350100M000100Y4'))
  })
})

test.group('Password policy', () => {
  test('needs 10 characters and three classes', ({ assert }) => {
    assert.deepEqual(passwordProblems('Abcdef1!x'), ['length'])
    assert.deepEqual(passwordProblems('abcdefghij1'), ['classes'])
    assert.deepEqual(passwordProblems('Abcdefghij1'), [])
    assert.deepEqual(passwordProblems('abcdefgh1!'), [])
  })

  test('refuses a password that contains the username', ({ assert }) => {
    assert.deepEqual(passwordProblems('Wangwu#2026x', 'wangwu'), ['username'])
  })
})

const row: ChainedFields = {
  seq: 1,
  occurredAt: '2026-11-29T00:00:00.000Z',
  actorId: 7,
  actorUsername: 'sysadmin',
  organisationId: 13,
  action: 'user.create',
  objectType: 'user',
  objectId: '12',
  result: 'success',
  ip: '127.0.0.1',
  userAgent: 'test',
  details: '{"roles":["applicant"]}',
  hashAlg: 'sha256',
  prevHash: '0'.repeat(64),
}

test.group('Audit hash chain', () => {
  test('SM3 and SHA-256 digests match their standard test vectors', ({ assert }) => {
    assert.equal(
      digest('sm3', 'abc'),
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'
    )
    assert.equal(
      digest('sha256', 'abc'),
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    )
  })

  test('any field change changes the hash', ({ assert }) => {
    const base = hashRow(row)
    for (const [key, value] of Object.entries({
      seq: 2,
      result: 'failure',
      actorId: 8,
      details: null,
      prevHash: '1'.repeat(64),
    })) {
      assert.notEqual(hashRow({ ...row, [key]: value } as ChainedFields), base, key)
    }
  })

  test('canonical form is independent of numeric strings from the driver', ({ assert }) => {
    assert.equal(
      canonicalise({ ...row, seq: '1' as unknown as number, actorId: '7' as unknown as number }),
      canonicalise(row)
    )
  })
})

test.group('CSV cells', () => {
  test('quotes separators and neutralises formulas', ({ assert }) => {
    assert.equal(csvCell('a,b'), '"a,b"')
    assert.equal(csvCell('say "hi"'), '"say ""hi"""')
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`)
    assert.equal(csvCell(null), '')
  })
})

test.group('Roles', () => {
  test('三权分立: system, security and audit admins share no permission', ({ assert }) => {
    const sys = new Set(ROLES.system_admin.permissions)
    const sec = new Set(ROLES.security_admin.permissions)
    const aud = new Set(ROLES.audit_admin.permissions)
    for (const p of aud) {
      assert.isFalse(sys.has(p))
      assert.isFalse(sec.has(p))
    }
    assert.isFalse([...sys].some((p) => p === 'users.unlock'))
    assert.deepEqual(permissionsOf(['audit_admin']), ['audit.read'])
  })

  test('phones are masked', ({ assert }) => {
    assert.equal(maskPhone('13812345678'), '138****5678')
    assert.isNull(maskPhone(null))
  })
})
