import { openRows } from '#services/products/product_catalog'
import {
  breakdown,
  dateText,
  latest,
  monthsBefore,
  percent,
} from '#services/products/previews/preview_helpers'
import { formatValue } from '#services/products/record_values'

/*
 * Enforcement and emergency products: exceedances, penalties, complaints statistics, incidents.
 * Windows end at the newest open row, so a preview of an old extract still shows something.
 */
export async function onlineExceedances() {
  const newest = dateText(await latest('online_exceedances', 'observed_on'))
  if (!newest) return { since: null, byFactor: [], topEnterprises: [] }
  const since = monthsBefore(newest, 1)
  const recent = (builder: ReturnType<typeof openRows>) => builder.where('observed_on', '>', since)
  return {
    since,
    until: newest,
    byFactor: await breakdown('online_exceedances', 'factor_name', { where: recent }),
    topEnterprises: await breakdown('online_exceedances', 'enterprise_name', {
      where: recent,
      limit: 10,
    }),
  }
}

export async function penaltyDisclosures() {
  const newest = dateText(await latest('penalties', 'decided_on'))
  if (!newest) return { since: null, byViolation: [], latest: [] }
  const since = monthsBefore(newest, 12)
  const recent = (builder: ReturnType<typeof openRows>) => builder.where('decided_on', '>', since)
  const rows = await openRows('penalties')
    .select('decision_no', 'enterprise_name', 'violation_type', 'fine_amount', 'decided_on')
    .orderBy('decided_on', 'desc')
    .orderBy('decision_no', 'desc')
    .limit(5)
  return {
    since,
    byViolation: await breakdown('penalties', 'violation_type', {
      where: recent,
      sum: 'fine_amount',
    }),
    latest: rows.map((row: any) => ({
      ...row,
      fine_amount: Number(row.fine_amount),
      decided_on: dateText(row.decided_on),
    })),
  }
}

export async function complaintStatistics() {
  const newest = dateText(await latest('complaint_statistics', 'month'))
  if (!newest) return { since: null, received: 0, closed: 0, byCategory: [] }
  const since = monthsBefore(newest, 12)
  const [totals] = await openRows('complaint_statistics')
    .where('month', '>', since)
    .sum('received as received')
    .sum('closed as closed')
  return {
    since,
    until: newest.slice(0, 7),
    received: Number(totals.received ?? 0),
    closed: Number(totals.closed ?? 0),
    closedShare: percent(Number(totals.closed ?? 0), Number(totals.received ?? 0)),
    byCategory: await breakdown('complaint_statistics', 'category', {
      sum: 'received',
      where: (builder) => builder.where('month', '>', since),
    }),
  }
}

export async function environmentalIncidents() {
  const rows = await openRows('incidents')
    .select('incident_no', 'occurred_at', 'incident_type', 'severity', 'status')
    .orderBy('occurred_at', 'desc')
    .limit(5)
  return {
    bySeverity: await breakdown('incidents', 'severity'),
    byType: await breakdown('incidents', 'incident_type'),
    latest: rows.map((row: any) => ({
      ...row,
      occurred_at: formatValue(
        { name: 'occurred_at', labelZh: '', labelEn: '', type: 'datetime' },
        row.occurred_at
      ),
    })),
  }
}
