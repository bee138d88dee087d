import vine from '@vinejs/vine'
import { ORGANISATION_TYPES } from '#models/organisation'
import { creditCodeRule } from '#validators/rules'

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{1,63}$/

const createFields = {
  code: vine.string().trim().toUpperCase().regex(CODE_PATTERN),
  name: vine.string().trim().minLength(2).maxLength(200),
  nameEn: vine.string().trim().maxLength(200).nullable().optional(),
  type: vine.enum(ORGANISATION_TYPES),
  parentId: vine.number().withoutDecimals().positive().nullable().optional(),
  creditCode: vine
    .string()
    .trim()
    .toUpperCase()
    .fixedLength(18)
    .use(creditCodeRule())
    .nullable()
    .optional(),
  districtCode: vine
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .nullable()
    .optional(),
  headUserId: vine.number().withoutDecimals().positive().nullable().optional(),
}

const updateFields = {
  name: createFields.name.clone().optional(),
  nameEn: vine.string().trim().maxLength(200).nullable().optional(),
  parentId: vine.number().withoutDecimals().positive().nullable().optional(),
  creditCode: vine
    .string()
    .trim()
    .toUpperCase()
    .fixedLength(18)
    .use(creditCodeRule())
    .nullable()
    .optional(),
  districtCode: vine
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .nullable()
    .optional(),
  headUserId: vine.number().withoutDecimals().positive().nullable().optional(),
}

export const CREATE_ORGANISATION_FIELDS = Object.keys(createFields)
export const UPDATE_ORGANISATION_FIELDS = Object.keys(updateFields)
export const createOrganisationValidator = vine.create(vine.object(createFields))
export const updateOrganisationValidator = vine.create(vine.object(updateFields))
