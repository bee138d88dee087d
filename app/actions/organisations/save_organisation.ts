import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Infer } from '@vinejs/vine/types'
import Organisation from '#models/organisation'
import User from '#models/user'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import FieldConflictException from '#exceptions/field_conflict_exception'
import type {
  createOrganisationValidator,
  updateOrganisationValidator,
} from '#validators/organisation'

type CreateInput = Infer<typeof createOrganisationValidator>
type UpdateInput = Infer<typeof updateOrganisationValidator>

/** Organisation tree maintenance: unique code and credit code, no cycles, head must belong to it. */
export default class SaveOrganisation {
  async create(input: CreateInput, actor: AuditActor): Promise<Organisation> {
    return db.transaction(async (trx) => {
      if (await Organisation.query({ client: trx }).where('code', input.code).first()) {
        throw new FieldConflictException(
          'code',
          'database.unique',
          '机构编码已存在 / code already exists'
        )
      }
      await this.assertCreditCodeFree(input.creditCode ?? null, null, trx)
      if (input.parentId) await this.assertExists(input.parentId, trx)
      if (input.headUserId) {
        throw new FieldConflictException(
          'headUserId',
          'headUser',
          '新建机构时尚无成员，请创建后再指定负责人 / set the head after creating the organisation'
        )
      }
      const org = await Organisation.create(
        { ...input, headUserId: null, sortOrder: 0 },
        { client: trx }
      )
      await recordAudit(
        actor,
        {
          action: 'organisation.create',
          result: 'success',
          objectType: 'organisation',
          objectId: org.id,
          details: { code: org.code },
        },
        trx
      )
      return org
    })
  }

  async update(id: number, input: UpdateInput, actor: AuditActor): Promise<Organisation> {
    return db.transaction(async (trx) => {
      const org = await Organisation.query({ client: trx })
        .where('id', id)
        .forUpdate()
        .firstOrFail()
      if (input.parentId) await this.assertNoCycle(org.id, input.parentId, trx)
      if (input.creditCode !== undefined)
        await this.assertCreditCodeFree(input.creditCode, org.id, trx)
      if (input.headUserId) {
        const head = await User.query({ client: trx }).where('id', input.headUserId).first()
        if (!head || head.organisationId !== org.id) {
          throw new FieldConflictException(
            'headUserId',
            'headUser',
            '负责人必须是本机构成员 / the head must belong to this organisation'
          )
        }
      }
      const changed = Object.keys(input).filter(
        (key) => (input as Record<string, unknown>)[key] !== undefined
      )
      org.merge(
        Object.fromEntries(changed.map((key) => [key, (input as Record<string, unknown>)[key]]))
      )
      await org.save()
      await recordAudit(
        actor,
        {
          action: 'organisation.update',
          result: 'success',
          objectType: 'organisation',
          objectId: org.id,
          details: { changed },
        },
        trx
      )
      return org
    })
  }

  private async assertExists(id: number, trx: TransactionClientContract) {
    if (!(await Organisation.query({ client: trx }).where('id', id).first())) {
      throw new FieldConflictException(
        'parentId',
        'database.exists',
        '上级机构不存在 / parent does not exist'
      )
    }
  }

  private async assertNoCycle(id: number, parentId: number, trx: TransactionClientContract) {
    let cursor: number | null = parentId
    for (let depth = 0; cursor !== null && depth < 32; depth++) {
      if (cursor === id)
        throw new FieldConflictException(
          'parentId',
          'cycle',
          '不能把机构移到其下级机构之下 / would create a cycle'
        )
      const parent: Organisation | null = await Organisation.query({ client: trx })
        .where('id', cursor)
        .first()
      if (!parent)
        throw new FieldConflictException(
          'parentId',
          'database.exists',
          '上级机构不存在 / parent does not exist'
        )
      cursor = parent.parentId
    }
  }

  private async assertCreditCodeFree(
    code: string | null,
    selfId: number | null,
    trx: TransactionClientContract
  ) {
    if (!code) return
    const other = await Organisation.query({ client: trx }).where('creditCode', code).first()
    if (other && other.id !== selfId) {
      throw new FieldConflictException(
        'creditCode',
        'database.unique',
        '统一社会信用代码已被其他机构使用 / credit code already used'
      )
    }
  }
}
