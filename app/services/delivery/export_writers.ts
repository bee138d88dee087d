import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import ExcelJS from 'exceljs'
import type { StoreField } from '#services/stores/store_definition'
import type { ExportFormat } from '#models/export_job'
import { csvCell, encoderFor, textOf } from '#services/delivery/record_encoders'

type Row = Record<string, unknown>

/** Who exported what, when: written into every file so a leaked copy names its source. */
export interface Watermark {
  grantCode: string
  applicant: string
  organisation: string
  exportedAt: string
  jobId: number
}

export function watermarkText(mark: Watermark) {
  return `EcoShare 导出水印 | 授权 ${mark.grantCode} | 申请人 ${mark.applicant}（${mark.organisation}）| 导出时间 ${mark.exportedAt} | 任务 ${mark.jobId}`
}

export interface ExportWriter {
  write(batch: Row[]): Promise<void>
  /** Bytes handed to the file so far (XLSX: compressed bytes written). */
  bytes(): number
  finish(): Promise<void>
  /** Closes the file after a failure or cancel; the caller deletes it. */
  abort(): Promise<void>
}

/*
 * Writers for the three export formats, batch by batch into a local file with backpressure,
 * so memory stays flat whatever the row count. CSV and JSON rows come from the data API's
 * encoders (same cell rules, same value forms); XLSX goes through exceljs' streaming
 * WorkbookWriter, each row committed as it is added.
 */
export function openWriter(
  format: ExportFormat,
  path: string,
  fields: StoreField[],
  mark: Watermark,
  bom: boolean
): ExportWriter {
  const sink = fileSink(path)
  if (format === 'xlsx') return xlsxWriter(sink, fields, mark)
  const send = sink.write
  const common = { bytes: sink.bytes, abort: sink.abort }
  if (format === 'csv') {
    const encoder = encoderFor('csv', fields, false)
    let started = false
    return {
      ...common,
      async write(batch) {
        if (!started) {
          started = true
          // The watermark is the first line (one cell, prefixed so no tool takes it for data).
          await send((bom ? '\uFEFF' : '') + csvCell(`# ${watermarkText(mark)}`) + '\r\n')
          await send(encoder.head())
        }
        await send(encoder.rows(batch))
      },
      async finish() {
        if (!started) await this.write([])
        await sink.end()
      },
    }
  }
  const encoder = encoderFor('json', fields, false)
  let started = false
  let rows = 0
  return {
    ...common,
    async write(batch) {
      if (!started) {
        started = true
        const head = {
          watermark: { ...mark, text: watermarkText(mark) },
          fields: fields.map((f) => f.name),
        }
        await send(JSON.stringify(head).slice(0, -1) + ',"data":[')
      }
      rows += batch.length
      await send(encoder.rows(batch))
    },
    async finish() {
      if (!started) await this.write([])
      await sink.end(`],"meta":${JSON.stringify({ rows })}}`)
    },
  }
}

function xlsxWriter(sink: FileSink, fields: StoreField[], mark: Watermark): ExportWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink.out,
    useStyles: false,
    useSharedStrings: false,
    // Fast deflate: XML rows compress well even at level 1, and zlib is most of XLSX's cost.
    zip: { zlib: { level: 1 } },
  })
  Object.assign(workbook, {
    creator: 'EcoShare',
    lastModifiedBy: mark.applicant,
    title: `EcoShare export ${mark.jobId}`,
    subject: mark.grantCode,
    keywords: `grant:${mark.grantCode} job:${mark.jobId}`,
    description: watermarkText(mark),
    category: 'watermark',
    created: new Date(mark.exportedAt),
  })
  const sheet = workbook.addWorksheet('data')
  sheet.addRow([watermarkText(mark)]).commit()
  sheet.addRow(fields.map((f) => f.name)).commit()
  const values = fields.map(xlsxValue)
  return {
    async write(batch) {
      for (const row of batch)
        sheet.addRow(values.map((value, i) => value(row[fields[i].name]))).commit()
      // exceljs ignores backpressure: its sheet stream writes into archiver's entry stream (a
      // readable-stream v2 PassThrough) whatever the deflater's pace — 100 MB queued per 250 000
      // rows in a test. Waiting for that entry (and the file) keeps the queue at ~200 KB.
      const entry = (sheet as any).stream?.pipes?.[0] as Writable | undefined
      if ((entry as any)?._writableState?.needDrain) await once(entry!, 'drain')
      await sink.drained()
    },
    bytes: sink.bytes,
    async finish() {
      sheet.commit()
      await workbook.commit()
      await sink.end()
    },
    abort: sink.abort,
  }
}

/** Cell values as the API gives them: numbers as numbers, times as ISO UTC text, text as text (never a formula). */
function xlsxValue(field: StoreField): (value: unknown) => string | number | boolean | null {
  const text = textOf(field)
  if (field.type === 'integer' || field.type === 'decimal')
    return (value) => {
      const shown = text(value)
      return shown === null ? null : Number(shown)
    }
  if (field.type === 'boolean')
    return (value) => (text(value) === null ? null : text(value) === 'true')
  return text
}

type FileSink = ReturnType<typeof fileSink>

/*
 * A local file written with backpressure. A write error is kept and thrown by the next call
 * (a stream that failed never drains, so waiting on it alone would hang the job).
 */
function fileSink(path: string) {
  const out: WriteStream = createWriteStream(path)
  let failure: Error | null = null
  out.on('error', (error) => (failure = error))
  const check = () => {
    if (failure) throw failure
  }
  const drained = async () => {
    check()
    if (!out.writableNeedDrain) return
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done)
        out.off('close', done)
        resolve()
      }
      out.on('drain', done)
      out.on('close', done)
    })
    check()
  }
  return {
    out,
    drained,
    async write(text: string) {
      check()
      out.write(text)
      await drained()
    },
    bytes: () => out.bytesWritten + out.writableLength,
    async end(text?: string) {
      check()
      if (!out.writableEnded) out.end(text)
      if (!out.writableFinished) await finished(out)
    },
    /** Discards the file stream; a write still in flight fails with it, which no longer matters. */
    async abort() {
      if (out.closed) return
      const closed = new Promise<void>((resolve) => out.once('close', () => resolve()))
      out.destroy()
      await closed
    },
  }
}
