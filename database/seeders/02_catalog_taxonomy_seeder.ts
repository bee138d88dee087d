import { BaseSeeder } from '@adonisjs/lucid/seeders'
import CatalogCategory from '#models/catalog_category'
import CatalogSubcategory from '#models/catalog_subcategory'
import CatalogTag from '#models/catalog_tag'
import { touchCatalog } from '#services/catalog/catalog_revision'
import { CONTROLLED_TAGS, TAXONOMY } from '#database/data/taxonomy'

/*
 * The 6 categories / 30 subcategories and the controlled tags. Reference data, so it runs in
 * every environment. Creates what is missing and never overwrites: names the catalog admin
 * edited survive a re-seed.
 */
export default class CatalogTaxonomySeeder extends BaseSeeder {
  async run() {
    for (const [i, entry] of TAXONOMY.entries()) {
      const category = await CatalogCategory.firstOrCreate(
        { code: entry.code },
        { nameZh: entry.nameZh, nameEn: entry.nameEn, sortOrder: i * 10 }
      )
      for (const [j, sub] of entry.subcategories.entries()) {
        await CatalogSubcategory.firstOrCreate(
          { code: sub.code },
          { categoryId: category.id, nameZh: sub.nameZh, nameEn: sub.nameEn, sortOrder: j * 10 }
        )
      }
    }
    for (const tag of CONTROLLED_TAGS) {
      await CatalogTag.firstOrCreate({ code: tag.code }, { nameZh: tag.nameZh, nameEn: tag.nameEn })
    }
    await touchCatalog()
  }
}
