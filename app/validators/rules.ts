import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { passwordProblems } from '#services/password_policy'
import { isValidCreditCode } from '#services/credit_code'

/** Password policy; compares against a sibling `username` field when present. */
export const passwordPolicyRule = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    const username =
      typeof field.parent?.username === 'string' ? field.parent.username : field.meta?.username
    if (passwordProblems(value, username).length > 0)
      field.report('passwordPolicy', 'passwordPolicy', field)
  }
)

export const creditCodeRule = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    if (!isValidCreditCode(value)) field.report('creditCode', 'creditCode', field)
  }
)

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/
