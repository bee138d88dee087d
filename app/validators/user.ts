import vine from '@vinejs/vine'
import { ROLE_CODES } from '#services/roles'
import { MOBILE_PATTERN, USERNAME_PATTERN, passwordPolicyRule } from '#validators/rules'

const roles = () => vine.array(vine.enum(ROLE_CODES)).distinct().maxLength(ROLE_CODES.length)

const createFields = {
  username: vine.string().trim().toLowerCase().regex(USERNAME_PATTERN),
  displayName: vine.string().trim().minLength(1).maxLength(100),
  email: vine.string().trim().email().maxLength(254).nullable().optional(),
  phone: vine.string().trim().regex(MOBILE_PATTERN).nullable().optional(),
  organisationId: vine.number().withoutDecimals().positive(),
  roles: roles(),
  password: vine.string().maxLength(256).use(passwordPolicyRule()),
}

const updateFields = {
  displayName: vine.string().trim().minLength(1).maxLength(100).optional(),
  email: vine.string().trim().email().maxLength(254).nullable().optional(),
  phone: vine.string().trim().regex(MOBILE_PATTERN).nullable().optional(),
  organisationId: vine.number().withoutDecimals().positive().optional(),
  roles: roles().optional(),
  status: vine.enum(['active', 'disabled'] as const).optional(),
  password: vine.string().maxLength(256).use(passwordPolicyRule()).optional(),
}

export const CREATE_USER_FIELDS = Object.keys(createFields)
export const UPDATE_USER_FIELDS = Object.keys(updateFields)
export const createUserValidator = vine.create(vine.object(createFields))
export const updateUserValidator = vine.create(vine.object(updateFields))

const listFields = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
  q: vine.string().trim().maxLength(64).optional(),
  organisationId: vine.number().withoutDecimals().positive().optional(),
  role: vine.enum(ROLE_CODES).optional(),
  status: vine.enum(['active', 'disabled'] as const).optional(),
}
export const LIST_USER_FIELDS = Object.keys(listFields)
export const listUsersValidator = vine.create(vine.object(listFields))
