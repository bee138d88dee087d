import type { ApplicationService } from '@adonisjs/core/types'
import { runAce } from './app.js'

/*
 * What the benches over generated hourly air data share: their own MariaDB database, a fresh
 * schema with the seeds and the EQ-AIR-002 catalog entry, and an approved request provisioned
 * into a grant by the grant topic's own action (no workflow run: the bench measures delivery).
 */
export async function ensureMysqlDatabase(name: string) {
  const mysql = await import('mysql2/promise')
  const admin = await mysql.createConnection({ host: '127.0.0.1', user: 'root', password: '' })
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4`)
  await admin.end()
}

export async function freshAirStore(app: ApplicationService) {
  await runAce(app, 'migration:fresh', ['--force'])
  await runAce(app, 'db:seed', ['--compact-output'])
  const { upsertDataset } = await import('#services/catalog/upsert_dataset')
  const { toDatasetDefinition } = await import('#services/stores/store_definition')
  const { STORE_DATASETS } = await import('#database/data/datasets/index')
  await upsertDataset(toDatasetDefinition(STORE_DATASETS.find((d) => d.code === 'EQ-AIR-002')!))
}

/** The applicant's approved request for EQ-AIR-002 with these modes and row scope, as a grant. */
export async function approvedAirGrant(deliveryModes: string[], rowScope: string) {
  const { DateTime } = await import('luxon')
  const { default: User } = await import('#models/user')
  const { default: DataRequest } = await import('#models/data_request')
  const { default: ProvisionGrant } = await import('#actions/delivery/provision_grant')
  const user = await User.findByOrFail('username', 'applicant')
  const validUntil = DateTime.now().plus({ days: 30 }).toISODate()!
  const code = `REQ-20260101-${Date.now().toString(16).toUpperCase().slice(-8)}`
  const form = { datasets: ['EQ-AIR-002'], fields: [], rowScope }
  await DataRequest.create({
    code,
    applicantId: user.id,
    applicantOrgId: user.organisationId,
    status: 'approved',
    form: {
      ...form,
      ...{ purpose: 'bench', scenario: 'bench', legalBasis: 'bench', contact: 'bench' },
      validUntil,
      deliveryModes,
      appealJustification: null,
    },
    datasetCodes: form.datasets,
    approvedCodes: form.datasets,
    processInstanceId: null,
    outcomeReason: null,
    version: 1,
    submittedAt: DateTime.now(),
  })
  const grant = (await new ProvisionGrant().handle({
    grantCode: `grant-${code}`,
    requestCode: code,
    approvedDatasets: form.datasets,
    validUntil,
  }))!.grant
  return { user, grant }
}
