import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Infer } from '@vinejs/vine/types'
import Dataset from '#models/dataset'
import DatasetField from '#models/dataset_field'
import DatasetTag from '#models/dataset_tag'
import DatasetRevision, { type RevisionAction } from '#models/dataset_revision'
import AppException from '#exceptions/app_exception'
import clock from '#services/clock'
import { encryptPersonal } from '#services/personal_data'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { touchCatalog } from '#services/catalog/catalog_revision'
import { datasetRuleViolations, type RuleViolation } from '#services/catalog/dataset_rules'
import { GOVERNMENT_ORGANISATION_TYPES } from '#services/catalog/catalog_viewer'
import type { DatasetDefinition } from '#services/catalog/dataset_definition'
import {
  diffSnapshots,
  loadSnapshot,
  normaliseDefinition,
  storableSnapshot,
  type DatasetSnapshot,
} from '#services/catalog/dataset_snapshot'
import type { createDatasetValidator, updateDatasetValidator } from '#validators/catalog'

type CreateInput = Infer<typeof createDatasetValidator>
type UpdateInput = Infer<typeof updateDatasetValidator>

interface References {
  categoryId: number
  subcategoryId: number
  providerId: number
}

export interface SaveResult {
  dataset: Dataset
  changed: boolean
}

/*
 * Every change to a dataset's metadata goes through here: the API's create/update/retire and
 * upsertDataset() from code. One transaction writes the row, its fields and tags, a revision
 * (who, when, which keys from what to what), the catalog change token and an audit event.
 */
export default class SaveDataset {
  async create(input: CreateInput, actor: AuditActor): Promise<Dataset> {
    return db.transaction(async (trx) => {
      const after = normaliseDefinition({ ...input, storeTable: null, product: null })
      const saved = await this.#write(trx, null, after, actor)
      return saved.dataset
    })
  }

  async update(id: number, input: UpdateInput, actor: AuditActor): Promise<Dataset> {
    return db.transaction(async (trx) => {
      const { dataset, before } = await this.#lock(trx, id, input.version)
      const patch = Object.fromEntries(
        Object.entries(input).filter(([key, value]) => key !== 'version' && value !== undefined)
      )
      const after = normaliseDefinition({
        ...before,
        ...patch,
        code: before.code,
        storeTable: before.storeTable,
        product: before.product,
      })
      const saved = await this.#write(trx, { dataset, before }, after, actor)
      return saved.dataset
    })
  }

  /** Retired datasets leave search and cannot be applied for; their history stays. */
  async retire(
    id: number,
    version: number,
    reason: string | undefined,
    actor: AuditActor
  ): Promise<Dataset> {
    return db.transaction(async (trx) => {
      const { dataset, before } = await this.#lock(trx, id, version)
      if (before.status === 'retired') return dataset
      const retired: DatasetSnapshot = { ...before, status: 'retired' }
      const saved = await this.#write(trx, { dataset, before }, retired, actor, reason)
      return saved.dataset
    })
  }

  /** Creates or replaces by code; a definition equal to the stored one writes nothing. */
  async upsert(
    def: DatasetDefinition,
    actor: AuditActor,
    trx: TransactionClientContract
  ): Promise<SaveResult> {
    const existing = await Dataset.query({ client: trx })
      .where('code', def.code)
      .forUpdate()
      .first()
    const before = existing ? await loadSnapshot(trx, existing.id) : null
    const after = normaliseDefinition({
      ...def,
      status: def.status ?? before?.status ?? 'published',
    })
    return this.#write(trx, existing && before ? { dataset: existing, before } : null, after, actor)
  }

  async #write(
    trx: TransactionClientContract,
    current: { dataset: Dataset; before: DatasetSnapshot } | null,
    after: DatasetSnapshot,
    actor: AuditActor,
    reason?: string
  ): Promise<SaveResult> {
    const { references, violations } = await this.#resolve(trx, after, current?.dataset.id ?? null)
    violations.unshift(...datasetRuleViolations(after))
    if (violations.length > 0) throw new AppException('E_VALIDATION', 422, { details: violations })

    const before = current?.before ?? null
    const changes = diffSnapshots(before, after)
    if (current && Object.keys(changes).length === 0)
      return { dataset: current.dataset, changed: false }

    const dataset = current?.dataset ?? new Dataset()
    dataset.useTransaction(trx)
    dataset.merge({
      code: after.code,
      nameZh: after.nameZh,
      nameEn: after.nameEn,
      description: after.description,
      categoryId: references!.categoryId,
      subcategoryId: references!.subcategoryId,
      providerOrganisationId: references!.providerId,
      sourceSystem: after.sourceSystem,
      format: after.format,
      updateFrequency: after.updateFrequency,
      timeCoverageStart: after.timeCoverageStart,
      timeCoverageEnd: after.timeCoverageEnd,
      spatialCoverage: after.spatialCoverage,
      sharingAttribute: after.sharingAttribute,
      legalBasis: after.legalBasis,
      grade: after.grade,
      secrecyLabel: after.secrecyLabel,
      isOpen: after.isOpen,
      deliveryModes: after.deliveryModes,
      contactName: after.contact.name,
      contactPhoneEncrypted: encryptPersonal(after.contact.phone),
      contactEmail: after.contact.email,
      storeTable: after.storeTable,
      productPreviewKey: after.product?.previewKey ?? null,
      status: after.status,
      version: current ? current.dataset.version + 1 : 1,
      updatedBy: actor.actorId,
    })
    if (!current) dataset.createdBy = actor.actorId
    await dataset.save()

    if (!current || changes.fields) await this.#replaceFields(trx, dataset.id, after)
    if (!current || changes.freeTags || changes.controlledTags)
      await this.#replaceTags(trx, dataset.id, after)

    const action: RevisionAction = !current
      ? 'create'
      : after.status === 'retired'
        ? 'retire'
        : 'update'
    await DatasetRevision.create(
      {
        datasetId: dataset.id,
        version: dataset.version,
        action,
        actorId: actor.actorId,
        actorUsername: actor.actorUsername,
        changedAt: clock.now(),
        changes,
        snapshot: storableSnapshot(after),
      },
      { client: trx }
    )
    await touchCatalog(trx, dataset.id)
    await recordAudit(
      actor,
      {
        action: `dataset.${action}`,
        result: 'success',
        objectType: 'dataset',
        objectId: dataset.id,
        details: {
          code: dataset.code,
          version: dataset.version,
          changed: Object.keys(changes),
          ...(reason ? { reason } : {}),
        },
      },
      trx
    )
    return { dataset, changed: true }
  }

  async #lock(trx: TransactionClientContract, id: number, expectedVersion: number) {
    const dataset = await Dataset.query({ client: trx }).where('id', id).forUpdate().firstOrFail()
    if (dataset.version !== expectedVersion) {
      throw new AppException('E_CONFLICT', 409, {
        details: [{ field: 'version', rule: 'version', currentVersion: dataset.version }],
      })
    }
    return { dataset, before: (await loadSnapshot(trx, id))! }
  }

  /** Codes to ids, and the rules that need the database; controlled tags given by name become codes in `def`. */
  async #resolve(trx: TransactionClientContract, def: DatasetSnapshot, selfId: number | null) {
    const violations: RuleViolation[] = []
    const add = (field: string, rule: string, message: string) =>
      violations.push({ field, rule, message })

    const category = await trx.from('catalog_categories').where('code', def.categoryCode).first()
    if (!category)
      add(
        'categoryCode',
        'database.exists',
        `目录大类不存在：${def.categoryCode} / unknown category`
      )
    const subcategory = await trx
      .from('catalog_subcategories')
      .where('code', def.subcategoryCode)
      .first()
    if (!subcategory)
      add(
        'subcategoryCode',
        'database.exists',
        `目录小类不存在：${def.subcategoryCode} / unknown subcategory`
      )
    else if (category && subcategory.category_id !== category.id) {
      add(
        'subcategoryCode',
        'subcategory.category',
        `小类 ${def.subcategoryCode} 不属于大类 ${def.categoryCode} / subcategory is not in this category`
      )
    }

    const provider = await trx.from('organisations').where('code', def.providerCode).first()
    if (!provider)
      add(
        'providerCode',
        'database.exists',
        `提供方机构不存在：${def.providerCode} / unknown provider`
      )
    else if (!GOVERNMENT_ORGANISATION_TYPES.includes(provider.type)) {
      add(
        'providerCode',
        'provider.type',
        '数据提供方必须是政府部门或其内设机构 / the provider must be a government body'
      )
    }

    if (def.controlledTags.length > 0) {
      const terms = await trx
        .from('catalog_tags')
        .whereIn('code', def.controlledTags)
        .orWhereIn('name_zh', def.controlledTags)
        .orWhereIn('name_en', def.controlledTags)
      const codeOf = (given: string) =>
        terms.find((t: any) => t.code === given || t.name_zh === given || t.name_en === given)?.code
      const unknown = def.controlledTags.filter((given) => !codeOf(given))
      if (unknown.length > 0)
        add(
          'controlledTags',
          'database.exists',
          `受控标签不存在：${unknown.join(', ')} / unknown controlled tags`
        )
      else def.controlledTags = [...new Set(def.controlledTags.map((given) => codeOf(given)!))]
    }

    if (def.spatialCoverage.length > 0) {
      const rows = await trx
        .from('organisations')
        .whereIn('district_code', def.spatialCoverage)
        .distinct('district_code')
      const known = new Set(rows.map((r: any) => r.district_code))
      const unknown = def.spatialCoverage.filter((code) => !known.has(code))
      if (unknown.length > 0)
        add(
          'spatialCoverage',
          'district',
          `未知的行政区划代码：${unknown.join(', ')} / unknown district codes`
        )
    }

    if (selfId === null && (await trx.from('datasets').where('code', def.code).first())) {
      add('code', 'database.unique', `资源编码已存在：${def.code} / code already exists`)
    }
    if (def.status !== 'retired') {
      const twin = await trx
        .from('datasets as d')
        .join('organisations as o', 'o.id', 'd.provider_organisation_id')
        .where('d.name_zh', def.nameZh)
        .whereNot('d.status', 'retired')
        .if(selfId !== null, (q) => q.whereNot('d.id', selfId!))
        .select('d.code', 'o.name')
        .first()
      if (twin) {
        add(
          'nameZh',
          'oneDataOneSource',
          `已有同名数据资源 ${twin.code}（提供方：${twin.name}），一数一源 / a dataset of this name already exists: one data, one source`
        )
      }
    }

    const references: References | null =
      violations.length === 0
        ? { categoryId: category.id, subcategoryId: subcategory.id, providerId: provider.id }
        : null
    return { references, violations }
  }

  async #replaceFields(trx: TransactionClientContract, datasetId: number, def: DatasetSnapshot) {
    await DatasetField.query({ client: trx }).where('datasetId', datasetId).delete()
    if (def.fields.length === 0) return
    await DatasetField.createMany(
      def.fields.map((f, position) => ({
        datasetId,
        position,
        name: f.name,
        labelZh: f.labelZh,
        labelEn: f.labelEn,
        type: f.type,
        unit: f.unit,
        description: f.description,
        isSensitive: f.sensitive,
        isFilterable: f.filterable,
      })),
      { client: trx }
    )
  }

  async #replaceTags(trx: TransactionClientContract, datasetId: number, def: DatasetSnapshot) {
    await DatasetTag.query({ client: trx }).where('datasetId', datasetId).delete()
    const rows = [
      ...def.controlledTags.map((tag) => ({ datasetId, kind: 'controlled' as const, tag })),
      ...def.freeTags.map((tag) => ({ datasetId, kind: 'free' as const, tag })),
    ]
    if (rows.length > 0) await DatasetTag.createMany(rows, { client: trx })
  }
}
