import type { ModelPaginatorContract } from '@adonisjs/lucid/types/model'

export function paginationMeta(page: {
  total: number
  perPage: number
  currentPage: number
  lastPage: number
}) {
  return {
    total: page.total,
    perPage: page.perPage,
    currentPage: page.currentPage,
    lastPage: page.lastPage,
  }
}

export type AnyPaginator = ModelPaginatorContract<any>
