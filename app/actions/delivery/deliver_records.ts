import { Readable } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import clock from '#services/clock'
import { authenticateKey } from '#services/delivery/key_auth'
import { findDataset } from '#services/delivery/published_dataset'
import { redactQuery } from '#services/delivery/api_key_secret'
import { checkCallerRate, checkFields, checkQuota, grantFor } from '#services/delivery/grant_access'
import { parseDataQuery } from '#services/delivery/data_query'
import { decodeCursor, encodeCursor, queryFingerprint, storeValue } from '#services/delivery/cursor'
import { scopedQuery, selectedColumns } from '#services/delivery/scoped_query'
import { rowArrayBatches } from '#services/delivery/row_stream'
import { arrayEncoderFor } from '#services/delivery/record_encoders'
import {
  recordRefusal,
  recordUsage,
  startUsage,
  type UsageEntry,
} from '#services/delivery/usage_log'
import InvalidFilterException from '#exceptions/invalid_filter_exception'

/*
 * One data API call: key → grant (status, mode, fields, quota) → scoped SQL → rows streamed
 * in the asked format. Every call leaves one usage row, refused ones too; a streamed call
 * writes its row before the last bytes leave, so the client never outruns its own trail.
 */
export default class DeliverRecords {
  async handle(ctx: HttpContext, datasetCode: string) {
    const started = performance.now()
    const usage = startUsage(ctx, 'api', datasetCode)
    try {
      return await this.prepare(ctx, datasetCode, usage, started)
    } catch (error) {
      await recordRefusal(ctx, usage, error, started)
      throw error
    }
  }

  private async prepare(ctx: HttpContext, code: string, usage: UsageEntry, started: number) {
    usage.filter = redactQuery(ctx.request.qs())
    const key = await authenticateKey(ctx)
    const user = { userId: key.userId, apiKeyId: key.id }
    Object.assign(usage, user)
    await checkCallerRate({ ...user, ip: usage.ip ?? 'unknown' })
    const dataset = await findDataset(code)
    usage.datasetCode = dataset.code
    const access = grantFor(key, dataset.code, 'api')
    Object.assign(usage, {
      grantId: access.grant.id,
      organisationId: access.grant.applicantOrgId,
      purpose: access.grant.purpose,
    })
    const query = parseDataQuery(dataset, ctx.request.qs())
    usage.format = query.format
    checkFields(access, query.touched)
    const remaining = await checkQuota(access.grant)
    const fingerprint = queryFingerprint(dataset.code, access.grant.id, query)
    const after = query.cursor ? decodeCursor(query.cursor, fingerprint) : null
    if (after && after.length !== query.sort.length)
      throw new InvalidFilterException([{ field: 'cursor', rule: 'tampered' }])

    const { output, read } = selectedColumns(query, access.grantDataset, dataset)
    const limit = Math.min(query.limit, remaining)
    const builder = scopedQuery(dataset, access, query, read, after, limit)
    const fields = output.map((name) => dataset.fields.find((f) => f.name === name)!)
    // Rows arrive as arrays in `read` order: the output fields first, then extra sort keys.
    const encoder = arrayEncoderFor(query.format, fields, query.bom)
    const sortAt = query.sort.map((s) => read.indexOf(s.column))
    const response = ctx.response
    response.header('Content-Type', encoder.contentType)
    response.header('Cache-Control', 'no-store')
    response.header('X-Grant', access.grant.code)
    if (query.format === 'csv') {
      response.header('Content-Disposition', `attachment; filename="${dataset.code}.csv"`)
      response.header('Trailer', 'X-Next-Cursor')
    }
    await key.merge({ lastUsedAt: clock.now() }).save()

    async function* body() {
      let last: unknown[] | null = null
      let finished = false
      // Encoded once here, so the byte count costs no second pass over the text.
      const emit = (text: string) => {
        const bytes = Buffer.from(text)
        usage.bytes += bytes.length
        return bytes
      }
      try {
        yield emit(encoder.head())
        for await (const batch of rowArrayBatches(builder)) {
          usage.rows += batch.length
          last = batch[batch.length - 1]
          yield emit(encoder.rows(batch))
        }
        const nextCursor =
          last && usage.rows === limit
            ? encodeCursor(
                fingerprint,
                sortAt.map((index) => storeValue(last![index]))
              )
            : null
        const tail = emit(encoder.tail({ rows: usage.rows, nextCursor }))
        if (query.format === 'csv' && nextCursor)
          response.response.addTrailers({ 'X-Next-Cursor': nextCursor })
        finished = true
        await recordUsage({ ...usage, durationMs: performance.now() - started })
        yield tail
      } finally {
        if (!finished)
          await recordUsage({
            ...usage,
            result: 'aborted',
            errorCode: 'E_ABORTED',
            durationMs: performance.now() - started,
          })
      }
    }
    response.stream(Readable.from(body(), { objectMode: false }))
  }
}
