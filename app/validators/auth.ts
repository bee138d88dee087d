import vine from '@vinejs/vine'

const loginFields = {
  username: vine.string().trim().toLowerCase().minLength(1).maxLength(64),
  password: vine.string().minLength(1).maxLength(256),
}

export const LOGIN_FIELDS = Object.keys(loginFields)
export const loginValidator = vine.create(vine.object(loginFields))
