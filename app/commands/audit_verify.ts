import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** `node ace audit:verify`: walks the hash chain; exit code 1 on any break. */
export default class AuditVerify extends BaseCommand {
  static commandName = 'audit:verify'
  static description =
    'Verify the tamper-evident audit trail (hash chain); exits non-zero on a break'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Print the report as JSON' })
  declare json: boolean

  async run() {
    const { verifyAuditChain } = await import('#services/audit/verify_chain')
    const report = await verifyAuditChain()
    if (this.json) {
      this.logger.log(JSON.stringify(report))
    } else if (report.ok) {
      this.logger.success(
        `audit chain intact: ${report.checked} events, head seq ${report.headSeq}`
      )
    } else {
      this.logger.error(
        `audit chain BROKEN: ${report.breaks.length} problem(s) in ${report.checked} events`
      )
      for (const b of report.breaks) this.logger.error(`  seq ${b.seq}: ${b.reason}`)
    }
    if (!report.ok) this.exitCode = 1
  }
}
