import { test } from '@japa/runner'
import { auditRows, demoUser, isolate } from '#tests/helpers'
import { TAXONOMY } from '#database/data/taxonomy'
import { seedFixtureCatalog } from '#tests/fixtures/catalog'

const TAXONOMY_URL = '/api/v1/catalog/taxonomy'

test.group('Catalog / taxonomy', (group) => {
  isolate(group)

  test('6 categories and 30 subcategories with Chinese and English names', async ({
    client,
    assert,
  }) => {
    const response = await client.get(TAXONOMY_URL)
    response.assertStatus(200)
    const categories = response.body().data
    assert.deepEqual(
      categories.map((c: any) => c.code),
      ['EQ', 'PS', 'ES', 'EN', 'EM', 'PO']
    )
    assert.deepEqual(
      categories.map((c: any) => c.nameZh),
      ['环境质量', '污染源', '生态状况', '执法监管', '应急管理', '政策标准']
    )
    const subcategories = categories.flatMap((c: any) => c.subcategories)
    assert.lengthOf(subcategories, 30)
    assert.deepEqual(
      categories.map((c: any) => c.subcategories.length),
      [7, 6, 5, 4, 4, 4]
    )
    assert.equal(new Set(subcategories.map((s: any) => s.code)).size, 30)
    for (const node of [...categories, ...subcategories]) {
      assert.isAbove(node.nameZh.length, 0)
      assert.isAbove(node.nameEn.length, 0)
    }
    const eq = categories[0].subcategories.map((s: any) => s.nameZh)
    assert.deepEqual(eq, [
      '环境空气',
      '地表水',
      '饮用水水源地',
      '地下水',
      '土壤',
      '声环境',
      '辐射环境',
    ])
    assert.deepEqual(
      TAXONOMY.flatMap((c) => c.subcategories.map((s) => s.code)),
      subcategories.map((s: any) => s.code)
    )
  })

  test('the catalog admin renames a subcategory; search follows; codes stay', async ({
    client,
    assert,
  }) => {
    await seedFixtureCatalog()
    const admin = await demoUser('catalogadmin')
    const tree = (await client.get(TAXONOMY_URL)).body().data
    const air = tree[0].subcategories.find((s: any) => s.code === 'EQ-AIR')
    const response = await client
      .patch(`/api/v1/catalog/subcategories/${air.id}`)
      .json({ nameZh: '环境空气质量', nameEn: 'Ambient air quality' })
      .withGuard('api')
      .loginAs(admin)
    response.assertStatus(200)
    assert.equal(response.body().data.code, 'EQ-AIR')
    assert.lengthOf(await auditRows('catalog.subcategory.update'), 1)

    const renamed = await client
      .patch(`/api/v1/catalog/subcategories/${air.id}`)
      .json({ code: 'EQ-ATMO' })
      .withGuard('api')
      .loginAs(admin)
    renamed.assertStatus(422)

    const staff = await demoUser('applicant')
    const search = await client
      .get(`/api/v1/catalog/datasets?q=${encodeURIComponent('气象 空气质量')}`)
      .withGuard('api')
      .loginAs(staff)
    assert.include(
      search.body().data.map((d: any) => d.code),
      'FX-MET-FORECAST'
    )
  })

  test('categories, subcategories and tags: create, refuse deletion while used', async ({
    client,
    assert,
  }) => {
    const admin = await demoUser('catalogadmin')
    const category = await client
      .post('/api/v1/catalog/categories')
      .json({ code: 'cl', nameZh: '气候变化', nameEn: 'Climate change' })
      .withGuard('api')
      .loginAs(admin)
    category.assertStatus(201)
    assert.equal(category.body().data.code, 'CL')
    const sub = await client
      .post('/api/v1/catalog/subcategories')
      .json({ code: 'CL-GHG', categoryCode: 'CL', nameZh: '温室气体', nameEn: 'Greenhouse gases' })
      .withGuard('api')
      .loginAs(admin)
    sub.assertStatus(201)

    const blocked = await client
      .delete(`/api/v1/catalog/categories/${category.body().data.id}`)
      .withGuard('api')
      .loginAs(admin)
    blocked.assertStatus(409)
    assert.equal(blocked.body().error.code, 'E_IN_USE')
    ;(
      await client
        .delete(`/api/v1/catalog/subcategories/${sub.body().data.id}`)
        .withGuard('api')
        .loginAs(admin)
    ).assertStatus(204)
    ;(
      await client
        .delete(`/api/v1/catalog/categories/${category.body().data.id}`)
        .withGuard('api')
        .loginAs(admin)
    ).assertStatus(204)

    const duplicate = await client
      .post('/api/v1/catalog/categories')
      .json({ code: 'EQ', nameZh: '重复', nameEn: 'Duplicate' })
      .withGuard('api')
      .loginAs(admin)
    duplicate.assertStatus(422)

    await seedFixtureCatalog()
    const tags = (await client.get('/api/v1/catalog/tags')).body().data
    const air = tags.find((t: any) => t.code === 'air')
    ;(
      await client.delete(`/api/v1/catalog/tags/${air.id}`).withGuard('api').loginAs(admin)
    ).assertStatus(409)
    const tag = await client
      .post('/api/v1/catalog/tags')
      .json({ code: 'carbon', nameZh: '碳排放', nameEn: 'Carbon' })
      .withGuard('api')
      .loginAs(admin)
    tag.assertStatus(201)
    ;(
      await client
        .delete(`/api/v1/catalog/tags/${tag.body().data.id}`)
        .withGuard('api')
        .loginAs(admin)
    ).assertStatus(204)
    assert.lengthOf(await auditRows('catalog.category.create'), 1)
    assert.lengthOf(await auditRows('catalog.tag.delete'), 1)
  })

  test('taxonomy writes are the catalog admin’s', async ({ client }) => {
    const staff = await demoUser('applicant')
    ;(
      await client
        .post('/api/v1/catalog/categories')
        .json({ code: 'XX', nameZh: '某', nameEn: 'X' })
        .withGuard('api')
        .loginAs(staff)
    ).assertStatus(403)
    ;(
      await client.post('/api/v1/catalog/tags').json({ code: 'x', nameZh: '某', nameEn: 'X' })
    ).assertStatus(401)
  })
})
