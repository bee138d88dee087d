import { BaseSeeder } from '@adonisjs/lucid/seeders'
import app from '@adonisjs/core/services/app'
import Organisation from '#models/organisation'
import User from '#models/user'
import UserRole from '#models/user_role'
import { creditCodeCheckChar } from '#services/credit_code'
import { encryptPersonal } from '#services/personal_data'
import { recordAudit, SYSTEM_ACTOR } from '#services/audit/audit_log'
import * as city from '#database/data/city'

/*
 * Organisations and demo users of 江城市. Idempotent (upsert by code / username), so it
 * can run on every first start. Refused in production: demo passwords must never exist there.
 */
export default class OrganisationsSeeder extends BaseSeeder {
  static environment = ['development', 'test']

  async run() {
    if (app.inProduction)
      throw new Error('E_SEED_IN_PRODUCTION: demo data cannot be written in production')

    const bureau = await this.org({
      ...city.CITY_BUREAU,
      type: 'city_bureau',
      parentId: null,
      sortOrder: 0,
    })
    for (const [i, [code, name, nameEn]] of city.DIVISIONS.entries()) {
      await this.org({ code, name, nameEn, type: 'division', parentId: bureau.id, sortOrder: i })
    }
    for (const [i, [code, name, districtCode]] of city.DISTRICTS.entries()) {
      await this.org({
        code,
        name: `江城市生态环境局${name}分局`,
        nameEn: null,
        type: 'district_bureau',
        parentId: bureau.id,
        districtCode,
        sortOrder: 100 + i,
      })
    }
    for (const [i, [code, name, nameEn]] of city.CITY_DEPARTMENTS.entries()) {
      await this.org({
        code,
        name,
        nameEn,
        type: 'city_department',
        parentId: null,
        creditCode: creditCode('11', 4201, 1000 + i),
        sortOrder: 200 + i,
      })
    }
    for (const [i, [code, name, district]] of city.ENTERPRISES.entries()) {
      const districtCode = city.DISTRICTS[district][2]
      await this.org({
        code,
        name,
        nameEn: null,
        type: 'enterprise',
        parentId: null,
        districtCode,
        creditCode: creditCode('91', Number(districtCode), 5000 + i),
        sortOrder: 300 + i,
      })
    }
    for (const [i, [code, name]] of city.SOCIAL_ORGS.entries()) {
      await this.org({
        code,
        name,
        nameEn: null,
        type: 'social_org',
        parentId: null,
        creditCode: creditCode('51', 4201, 8000 + i),
        sortOrder: 400 + i,
      })
    }
    await this.org({ ...city.PUBLIC_ORG, type: 'public', parentId: null, sortOrder: 999 })

    for (const demo of city.DEMO_USERS) await this.user(demo)
    await recordAudit(SYSTEM_ACTOR, {
      action: 'system.seed',
      result: 'success',
      details: { users: city.DEMO_USERS.length },
    })
  }

  private async org(values: Partial<Organisation> & { code: string }) {
    return Organisation.updateOrCreate({ code: values.code }, values)
  }

  private async user(demo: (typeof city.DEMO_USERS)[number]) {
    const org = await Organisation.findByOrFail('code', demo.org)
    let user = await User.findBy('username', demo.username)
    if (!user) {
      user = await User.create({
        username: demo.username,
        displayName: demo.displayName,
        email: `${demo.username}@${org.code.toLowerCase()}.jiangcheng.gov.cn`,
        phoneEncrypted: encryptPersonal(demo.phone),
        organisationId: org.id,
        password: city.DEMO_PASSWORD,
        status: 'active',
        failedLoginCount: 0,
      })
    }
    for (const role of demo.roles) {
      await UserRole.firstOrCreate({ userId: user.id, role: role as UserRole['role'] })
    }
    if (demo.head && org.headUserId !== user.id) {
      org.headUserId = user.id
      await org.save()
    }
  }
}

/** A valid credit code: registration-authority/type prefix, 6-digit area, deterministic body. */
function creditCode(prefix: string, area: number, serial: number): string {
  const body = `${prefix}${String(area).padEnd(6, '0').slice(0, 6)}MA${String(serial).padStart(7, '0')}`
  return body + creditCodeCheckChar(body)
}
