import { eq } from 'drizzle-orm'
import type { Db } from '../../db/open.js'
import { sources } from './tables.js'
import type { Source, SourceInput } from './schemas.js'
import { createReads } from '../../repositories/records.js'
import type { PageRequest } from '../../lib/paging.js'

const select = {
  id: sources.id,
  title: sources.title,
  publisher: sources.publisher,
  url: sources.url,
  publishedOn: sources.publishedOn
}

export function createSourcesRepository (db: Db) {
  const reads = createReads<typeof select, Source>(db, { table: sources, select, sorts: { title: sources.title, id: sources.id }, toRecord: (row) => row })

  return {
    list: (page: PageRequest) => reads.list({}, page),
    get: (id: string) => reads.get(id),

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
