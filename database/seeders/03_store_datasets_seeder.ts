import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { registerStoreDatasets } from '#database/generator/register_datasets'

/*
 * The catalog entries of the datasets our typed stores hold (idempotent upserts). They exist
 * from the first seed, before any demo rows are generated, so the catalog and the public
 * product list agree from the start.
 */
export default class StoreDatasetsSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    await registerStoreDatasets()
  }
}
