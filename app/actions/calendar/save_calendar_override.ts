import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import clock from '#services/clock'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { forgetCalendar } from '#services/calendar/calendar_overrides'
import { CALENDAR_YEARS } from '#validators/calendar'
import FieldConflictException from '#exceptions/field_conflict_exception'
import {
  CalendarOverrideExistsException,
  CalendarOverrideNotFoundException,
} from '#exceptions/calendar_override_exception'

export interface OverrideInput {
  workday: boolean
  note?: string | null
}

/** A real calendar date inside the editable years, else 422. */
export function assertCalendarDate(date: string) {
  const day = DateTime.fromISO(date, { zone: 'Asia/Shanghai' })
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !day.isValid) {
    throw new FieldConflictException('date', 'date', `无效的日期 / not a calendar date: ${date}`)
  }
  if (day.year < CALENDAR_YEARS.min || day.year > CALENDAR_YEARS.max) {
    throw new FieldConflictException(
      'date',
      'range',
      `只能调整 ${CALENDAR_YEARS.min}–${CALENDAR_YEARS.max} 年 / only ${CALENDAR_YEARS.min}–${CALENDAR_YEARS.max} can be changed`
    )
  }
}

/*
 * 节假日调整: adds, changes or removes an admin override of the business calendar, audited in the
 * same transaction. Deadlines fixed earlier keep their instant (task_deadlines); new ones use it.
 */
export default class SaveCalendarOverride {
  async create(date: string, input: OverrideInput, actor: AuditActor) {
    assertCalendarDate(date)
    return this.write(actor, 'calendar.override.create', date, async (trx, row) => {
      if (row && row.deleted_at_ms === null) throw new CalendarOverrideExistsException(date)
      const now = clock.nowMs()
      const values = { ...this.values(input, actor, now), deleted_at_ms: null }
      if (row) await trx.from('calendar_overrides').where('id', row.id).update(values)
      else await this.insert(trx, { date, created_at_ms: now, ...values })
      return { workday: input.workday, note: input.note ?? null }
    })
  }

  async update(date: string, input: OverrideInput, actor: AuditActor) {
    assertCalendarDate(date)
    return this.write(actor, 'calendar.override.update', date, async (trx, row) => {
      if (!row || row.deleted_at_ms !== null) throw new CalendarOverrideNotFoundException(date)
      const values = this.values(input, actor, clock.nowMs())
      await trx.from('calendar_overrides').where('id', row.id).update(values)
      return {
        before: { workday: Boolean(row.workday), note: row.note },
        workday: input.workday,
        note: values.note,
      }
    })
  }

  async remove(date: string, actor: AuditActor) {
    assertCalendarDate(date)
    return this.write(actor, 'calendar.override.delete', date, async (trx, row) => {
      if (!row || row.deleted_at_ms !== null) throw new CalendarOverrideNotFoundException(date)
      const now = clock.nowMs()
      // Soft: the row's updated_at_ms tells other instances the calendar changed.
      await trx
        .from('calendar_overrides')
        .where('id', row.id)
        .update({ deleted_at_ms: now, updated_at_ms: now, updated_by: actor.actorId })
      return { before: { workday: Boolean(row.workday), note: row.note } }
    })
  }

  private values(input: OverrideInput, actor: AuditActor, now: number) {
    return {
      workday: input.workday,
      note: input.note ?? null,
      updated_by: actor.actorId,
      updated_at_ms: now,
    }
  }

  /** A concurrent add of the same date loses on the unique key: the same 409 as a sequential one. */
  private async insert(trx: TransactionClientContract, row: Record<string, unknown>) {
    try {
      await trx.table('calendar_overrides').insert(row)
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new CalendarOverrideExistsException(String(row.date))
      }
      throw error
    }
  }

  private async write(
    actor: AuditActor,
    action: string,
    date: string,
    change: (trx: TransactionClientContract, row: any) => Promise<Record<string, unknown>>
  ) {
    await db.transaction(async (trx) => {
      // Lock only a row that exists: FOR UPDATE on a missing key takes gap locks that deadlock two adds.
      const seen = await trx.from('calendar_overrides').where('date', date).first()
      const row = seen
        ? await trx.from('calendar_overrides').where('id', seen.id).forUpdate().first()
        : null
      const details = await change(trx, row)
      await recordAudit(
        actor,
        { action, result: 'success', objectType: 'calendar_day', objectId: date, details },
        trx
      )
    })
    forgetCalendar()
  }
}
