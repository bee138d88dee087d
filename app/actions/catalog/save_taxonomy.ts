import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Infer } from '@vinejs/vine/types'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import CatalogCategory from '#models/catalog_category'
import CatalogSubcategory from '#models/catalog_subcategory'
import CatalogTag from '#models/catalog_tag'
import AppException from '#exceptions/app_exception'
import FieldConflictException from '#exceptions/field_conflict_exception'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { touchCatalog } from '#services/catalog/catalog_revision'
import type {
  createCategoryValidator,
  createSubcategoryValidator,
  createTagValidator,
  updateTagValidator,
  updateTaxonomyValidator,
} from '#validators/catalog'

type NamesPatch = Infer<typeof updateTaxonomyValidator> | Infer<typeof updateTagValidator>

/*
 * The catalog admin's upkeep of the taxonomy and the controlled tags. Codes are fixed once
 * created (datasets and definitions in code refer to them); names and order are editable;
 * nothing still referenced can be deleted. Names feed the search index, so every write moves
 * the catalog change token.
 */
export default class SaveTaxonomy {
  createCategory(input: Infer<typeof createCategoryValidator>, actor: AuditActor) {
    return this.#run(actor, 'catalog.category.create', async (trx) => {
      await this.#assertCodeFree(trx, 'catalog_categories', input.code)
      return CatalogCategory.create({ ...input, sortOrder: input.sortOrder ?? 0 }, { client: trx })
    })
  }

  createSubcategory(input: Infer<typeof createSubcategoryValidator>, actor: AuditActor) {
    return this.#run(actor, 'catalog.subcategory.create', async (trx) => {
      await this.#assertCodeFree(trx, 'catalog_subcategories', input.code)
      const category = await CatalogCategory.query({ client: trx })
        .where('code', input.categoryCode)
        .first()
      if (!category)
        throw new FieldConflictException(
          'categoryCode',
          'database.exists',
          '目录大类不存在 / unknown category'
        )
      return CatalogSubcategory.create(
        {
          code: input.code,
          nameZh: input.nameZh,
          nameEn: input.nameEn,
          categoryId: category.id,
          sortOrder: input.sortOrder ?? 0,
        },
        { client: trx }
      )
    })
  }

  createTag(input: Infer<typeof createTagValidator>, actor: AuditActor) {
    return this.#run(actor, 'catalog.tag.create', async (trx) => {
      await this.#assertCodeFree(trx, 'catalog_tags', input.code)
      return CatalogTag.create(input, { client: trx })
    })
  }

  updateCategory(id: number, patch: NamesPatch, actor: AuditActor) {
    return this.#rename(CatalogCategory, id, patch, actor, 'catalog.category.update')
  }

  updateSubcategory(id: number, patch: NamesPatch, actor: AuditActor) {
    return this.#rename(CatalogSubcategory, id, patch, actor, 'catalog.subcategory.update')
  }

  updateTag(id: number, patch: NamesPatch, actor: AuditActor) {
    return this.#rename(CatalogTag, id, patch, actor, 'catalog.tag.update')
  }

  deleteCategory(id: number, actor: AuditActor) {
    return this.#run(actor, 'catalog.category.delete', async (trx) => {
      const category = await CatalogCategory.query({ client: trx }).where('id', id).firstOrFail()
      await this.#assertUnused(trx, 'catalog_subcategories', 'category_id', id, category.code)
      await this.#assertUnused(trx, 'datasets', 'category_id', id, category.code)
      await category.delete()
      return category
    })
  }

  deleteSubcategory(id: number, actor: AuditActor) {
    return this.#run(actor, 'catalog.subcategory.delete', async (trx) => {
      const subcategory = await CatalogSubcategory.query({ client: trx })
        .where('id', id)
        .firstOrFail()
      await this.#assertUnused(trx, 'datasets', 'subcategory_id', id, subcategory.code)
      await subcategory.delete()
      return subcategory
    })
  }

  deleteTag(id: number, actor: AuditActor) {
    return this.#run(actor, 'catalog.tag.delete', async (trx) => {
      const tag = await CatalogTag.query({ client: trx }).where('id', id).firstOrFail()
      const used = await trx
        .from('dataset_tags')
        .where({ kind: 'controlled', tag: tag.code })
        .first()
      if (used) throw new AppException('E_IN_USE', 409, { params: { what: tag.code } })
      await tag.delete()
      return tag
    })
  }

  #rename<M extends typeof CatalogCategory | typeof CatalogSubcategory | typeof CatalogTag>(
    model: M,
    id: number,
    patch: NamesPatch,
    actor: AuditActor,
    action: string
  ) {
    return this.#run(actor, action, async (trx) => {
      const row = await (model as LucidModel).query({ client: trx }).where('id', id).firstOrFail()
      const changed = Object.fromEntries(
        Object.entries(patch).filter(([, value]) => value !== undefined)
      )
      row.merge(changed)
      await row.save()
      return row as InstanceType<M>
    })
  }

  /** One transaction: the change, the catalog change token, the audit event. */
  #run<T extends { id: number; code: string }>(
    actor: AuditActor,
    action: string,
    change: (trx: TransactionClientContract) => Promise<T>
  ) {
    return db.transaction(async (trx) => {
      const row = await change(trx)
      await touchCatalog(trx)
      await recordAudit(
        actor,
        {
          action,
          result: 'success',
          objectType: action.split('.').slice(0, 2).join('.'),
          objectId: row.id,
          details: { code: row.code },
        },
        trx
      )
      return row
    })
  }

  async #assertCodeFree(trx: TransactionClientContract, table: string, code: string) {
    if (await trx.from(table).where('code', code).first()) {
      throw new FieldConflictException(
        'code',
        'database.unique',
        `编码已存在：${code} / code already exists`
      )
    }
  }

  async #assertUnused(
    trx: TransactionClientContract,
    table: string,
    column: string,
    id: number,
    code: string
  ) {
    if (await trx.from(table).where(column, id).first())
      throw new AppException('E_IN_USE', 409, { params: { what: code } })
  }
}
