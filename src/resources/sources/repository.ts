import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/open.js'
import { sources } from '../../db/schema.js'
import type { Source, SourceInput } from './schemas.js'
import { createLister } from '../../repositories/keyset.js'

const select = {
  id: sources.id,
  title: sources.title,
  publisher: sources.publisher,
  url: sources.url,
  publishedOn: sources.publishedOn
}

export function createSourcesRepository (db: Db) {
  const list = createLister(db, {
    table: sources,
    id: sources.id,
    select,
    sorts: { title: sources.title, id: sources.id },
    filters: {}
  })
  const byId = db.select(select).from(sources).where(eq(sources.id, sql.placeholder('id'))).prepare()

  return {
    list (page: { sort: string, limit: number, cursor?: string | undefined }) {
      const result = list({ ...page, filters: {} })
      return { ...result, rows: result.rows.map(({ sortKey: _, ...source }) => source) }
    },

    get (id: string): Source | undefined {
      return byId.get({ id })
    },

    remove (id: string): void {
      db.delete(sources).where(eq(sources.id, id)).run()
    },

    upsert (input: SourceInput): void {
      const { id, ...fields } = input
      db.insert(sources).values({ id, ...fields }).onConflictDoUpdate({ target: sources.id, set: fields }).run()
    }
  }
}

export type SourcesRepository = ReturnType<typeof createSourcesRepository>
