import { eq } from 'drizzle-orm'
import type { Db } from '../../db/open.js'
import { categories, categorySources } from './tables.js'
import type { Category, CategoryInput } from './schemas.js'
import { sourcesOf } from '../../repositories/embed.js'
import { replaceSources } from '../../repositories/links.js'
import type { SearchRepository } from '../../repositories/search.js'
import { createReads, withSources } from '../../repositories/records.js'
import type { PageRequest } from '../../lib/paging.js'

const k = categories
const select = {
  id: k.id,
  name: k.name,
  description: k.description,
  sources: sourcesOf(categorySources, k.id)
}

export function createCategoriesRepository (db: Db, search: SearchRepository) {
  const reads = createReads<typeof select, Category>(db, { table: k, select, sorts: { name: k.name, id: k.id }, toRecord: withSources })

  return {
    list: (page: PageRequest) => reads.list({}, page),
    get: (id: string) => reads.get(id),

    remove (id: string): void {
      db.delete(k).where(eq(k.id, id)).run()
      search.refresh('category', id)
    },

    upsert (input: CategoryInput): void {
      const { id, sources, ...fields } = input
      db.insert(k).values({ id, ...fields }).onConflictDoUpdate({ target: k.id, set: fields }).run()
      replaceSources(db, categorySources, id, sources)
      search.refreshCategory(id)
    }
  }
}

export type CategoriesRepository = ReturnType<typeof createCategoriesRepository>
