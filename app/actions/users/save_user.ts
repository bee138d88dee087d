import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Infer } from '@vinejs/vine/types'
import User from '#models/user'
import Organisation from '#models/organisation'
import UserRole from '#models/user_role'
import clock from '#services/clock'
import { encryptPersonal } from '#services/personal_data'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { passwordProblems } from '#services/password_policy'
import FieldConflictException from '#exceptions/field_conflict_exception'
import type { createUserValidator, updateUserValidator } from '#validators/user'

type CreateInput = Infer<typeof createUserValidator>
type UpdateInput = Infer<typeof updateUserValidator>

/*
 * Creates or updates a user with its roles in one transaction, audited with the list of
 * changed fields (never the values of password or phone).
 */
export default class SaveUser {
  async create(input: CreateInput, actor: AuditActor): Promise<User> {
    return db.transaction(async (trx) => {
      if (await User.query({ client: trx }).where('username', input.username).first()) {
        throw new FieldConflictException(
          'username',
          'database.unique',
          '用户名已存在 / username already exists'
        )
      }
      await this.assertOrganisation(input.organisationId, trx)
      const user = new User().useTransaction(trx)
      user.merge({
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        phoneEncrypted: encryptPersonal(input.phone),
        organisationId: input.organisationId,
        password: input.password,
        status: 'active',
        failedLoginCount: 0,
        passwordChangedAt: clock.now(),
      })
      await user.save()
      await this.replaceRoles(user, input.roles, trx)
      await recordAudit(
        actor,
        {
          action: 'user.create',
          result: 'success',
          objectType: 'user',
          objectId: user.id,
          details: { username: user.username, roles: input.roles },
        },
        trx
      )
      return this.reload(user.id, trx)
    })
  }

  async update(userId: number, input: UpdateInput, actor: AuditActor): Promise<User> {
    return db.transaction(async (trx) => {
      const user = await User.query({ client: trx }).where('id', userId).forUpdate().firstOrFail()
      if (input.organisationId !== undefined)
        await this.assertOrganisation(input.organisationId, trx)
      if (
        input.password !== undefined &&
        passwordProblems(input.password, user.username).length > 0
      ) {
        throw new FieldConflictException(
          'password',
          'passwordPolicy',
          '密码不能包含用户名 / must not contain the username'
        )
      }
      const changed = Object.keys(input).filter(
        (key) => (input as Record<string, unknown>)[key] !== undefined
      )
      if (input.displayName !== undefined) user.displayName = input.displayName
      if (input.email !== undefined) user.email = input.email
      if (input.phone !== undefined) user.phoneEncrypted = encryptPersonal(input.phone)
      if (input.organisationId !== undefined) user.organisationId = input.organisationId
      if (input.status !== undefined) user.status = input.status
      if (input.password !== undefined) {
        user.password = input.password
        user.passwordChangedAt = clock.now()
      }
      await user.save()
      if (input.roles !== undefined) await this.replaceRoles(user, input.roles, trx)
      // A disabled account or a new password ends every session and token of that user.
      if (input.status === 'disabled' || input.password !== undefined)
        await revokeAllSessions(user.id, trx)
      await recordAudit(
        actor,
        {
          action: 'user.update',
          result: 'success',
          objectType: 'user',
          objectId: user.id,
          details: { changed, roles: input.roles },
        },
        trx
      )
      return this.reload(user.id, trx)
    })
  }

  private async assertOrganisation(id: number, trx: TransactionClientContract) {
    if (!(await Organisation.query({ client: trx }).where('id', id).first())) {
      throw new FieldConflictException(
        'organisationId',
        'database.exists',
        '所属组织不存在 / organisation does not exist'
      )
    }
  }

  private async replaceRoles(user: User, roles: string[], trx: TransactionClientContract) {
    await UserRole.query({ client: trx }).where('userId', user.id).delete()
    for (const role of roles) {
      await UserRole.create({ userId: user.id, role: role as UserRole['role'] }, { client: trx })
    }
  }

  private reload(id: number, trx: TransactionClientContract) {
    return User.query({ client: trx })
      .where('id', id)
      .preload('roleRows')
      .preload('organisation')
      .firstOrFail()
  }
}

export async function revokeAllSessions(userId: number, trx: TransactionClientContract) {
  await trx.from('auth_access_tokens').where('tokenable_id', userId).delete()
  await trx.from('sessions').where('user_id', String(userId)).delete()
}
