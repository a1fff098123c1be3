import { eq, sql } from 'drizzle-orm'
import type { Static } from 'typebox'
import type { Db } from '../../db/open.js'
import { categories, categorySources } from '../../db/schema.js'
import type { SourceSummary } from '../../schemas/common.js'
import type { Category, CategoryInput } from './schemas.js'
import { parseJson, sourcesOf } from '../../repositories/embed.js'
import { createLister, type RowOf } from '../../repositories/keyset.js'
import { replaceSources } from '../../repositories/links.js'
import type { SearchRepository } from '../../repositories/search.js'

const k = categories
const select = {
  id: k.id,
  name: k.name,
  description: k.description,
  sources: sourcesOf(categorySources, k.id)
}
type Row = RowOf<typeof select>

function toCategory (row: Row): Category {
  return { ...row, sources: parseJson<Array<Static<typeof SourceSummary>>>(row.sources) }
}

export function createCategoriesRepository (db: Db, search: SearchRepository) {
  const list = createLister(db, {
    table: k,
    id: k.id,
    select,
    sorts: { name: k.name, id: k.id },
    filters: {}
  })
  const byId = db.select(select).from(k).where(eq(k.id, sql.placeholder('id'))).prepare()

  return {
    list (page: { sort: string, limit: number, cursor?: string | undefined }) {
      const result = list({ ...page, filters: {} })
      return { ...result, rows: result.rows.map(toCategory) }
    },

    get (id: string): Category | undefined {
      const row = byId.get({ id })
      return row === undefined ? undefined : toCategory(row)
    },

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
