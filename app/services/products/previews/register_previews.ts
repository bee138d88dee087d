import { openRows } from '#services/products/product_catalog'
import {
  breakdown,
  countOpen,
  dateText,
  latest,
  monthsBefore,
} from '#services/products/previews/preview_helpers'

/*
 * Registers and lists (名录、许可、标准): totals with the breakdowns a reader looks at first.
 */
export async function keyDischargeUnits() {
  return {
    total: await countOpen('enterprises'),
    byIndustry: await breakdown('enterprises', 'industry'),
    byDistrict: await breakdown('enterprises', 'district_code'),
  }
}

export async function dischargePermits() {
  return {
    total: await countOpen('discharge_permits'),
    byManagementClass: await breakdown('discharge_permits', 'management_class'),
    byStatus: await breakdown('discharge_permits', 'status'),
    byIndustry: await breakdown('discharge_permits', 'industry', { limit: 10 }),
  }
}

export async function emissionStandards() {
  const standards = await openRows('emission_standards')
    .select('standard_code', 'standard_name', 'medium', 'effective_from')
    .count('* as factors')
    .groupBy('standard_code', 'standard_name', 'medium', 'effective_from')
    .orderBy('standard_code')
  return {
    standards: standards.map((row: any) => ({
      standardCode: row.standard_code,
      standardName: row.standard_name,
      medium: row.medium,
      effectiveFrom: dateText(row.effective_from),
      factors: Number(row.factors),
    })),
  }
}

export async function soilSupervisionUnits() {
  return {
    total: await countOpen('soil_supervision_units'),
    byIndustry: await breakdown('soil_supervision_units', 'industry'),
    byHazardCheck: await breakdown('soil_supervision_units', 'hazard_check_status'),
  }
}

export async function hazardousWasteLicences() {
  return {
    total: await countOpen('hazardous_waste_licences'),
    byOperationType: await breakdown('hazardous_waste_licences', 'operation_type', {
      sum: 'capacity_tpa',
    }),
  }
}

export async function vehicleInspectionStations() {
  return {
    total: await countOpen('vehicle_inspection_stations'),
    byDistrict: await breakdown('vehicle_inspection_stations', 'district_code', { sum: 'lanes' }),
  }
}

export async function eiaApprovals() {
  const newest = dateText(await latest('eia_approvals', 'approved_on'))
  if (!newest) return { since: null, byDocumentType: [], byIndustry: [], latest: [] }
  const since = monthsBefore(newest, 12)
  const recent = (builder: ReturnType<typeof openRows>) => builder.where('approved_on', '>', since)
  const rows = await openRows('eia_approvals')
    .select('approval_no', 'project_name', 'document_type', 'approved_on', 'decision')
    .orderBy('approved_on', 'desc')
    .orderBy('approval_no', 'desc')
    .limit(5)
  return {
    since,
    byDocumentType: await breakdown('eia_approvals', 'document_type', { where: recent }),
    byIndustry: await breakdown('eia_approvals', 'industry', { where: recent, limit: 10 }),
    latest: rows.map((row: any) => ({ ...row, approved_on: dateText(row.approved_on) })),
  }
}
