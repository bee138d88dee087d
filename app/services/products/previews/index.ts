import { airDailyReport, airHourlyAqi } from '#services/products/previews/air_previews'
import {
  drinkingWaterCompliance,
  waterMonthlyClass,
} from '#services/products/previews/water_previews'
import * as registers from '#services/products/previews/register_previews'
import * as enforcement from '#services/products/previews/enforcement_previews'
import * as ecology from '#services/products/previews/ecology_previews'

/** previewKey (in each product's DatasetDefinition) → the query that builds its preview. */
export const PREVIEWS: Record<string, () => Promise<Record<string, unknown>>> = {
  air_daily_report: airDailyReport,
  air_hourly_aqi: airHourlyAqi,
  water_monthly_class: waterMonthlyClass,
  drinking_water_compliance: drinkingWaterCompliance,
  key_discharge_units: registers.keyDischargeUnits,
  discharge_permits: registers.dischargePermits,
  emission_standards: registers.emissionStandards,
  soil_supervision_units: registers.soilSupervisionUnits,
  hazardous_waste_licences: registers.hazardousWasteLicences,
  vehicle_inspection_stations: registers.vehicleInspectionStations,
  eia_approvals: registers.eiaApprovals,
  online_exceedances: enforcement.onlineExceedances,
  penalty_disclosures: enforcement.penaltyDisclosures,
  complaint_statistics: enforcement.complaintStatistics,
  environmental_incidents: enforcement.environmentalIncidents,
  noise_monitoring: ecology.noiseMonitoring,
  radiation_monitoring: ecology.radiationMonitoring,
  eco_redline_areas: ecology.ecoRedlineAreas,
  forest_coverage: ecology.forestCoverage,
  wetland_area: ecology.wetlandArea,
}
