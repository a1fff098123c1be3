import { eq, getTableColumns } from 'drizzle-orm'
import type { Db } from '../../db/open.js'
import { games, gameSources } from './tables.js'
import type { Game, GameInput } from './schemas.js'
import { sourcesOf } from '../../repositories/embed.js'
import { replaceSources } from '../../repositories/links.js'
import { createReads, withSources } from '../../repositories/records.js'

const g = games
/** Every column of the edition, with its sources embedded. */
const select = { ...getTableColumns(g), sources: sourcesOf(gameSources, g.id) }

export function createGamesRepository (db: Db) {
  const reads = createReads<typeof select, Game, { season?: 'summer' | 'winter' | undefined }>(db, {
    table: g,
    select,
    sorts: { year: g.year, name: g.name, id: g.id },
    filters: { season: (v) => eq(g.season, v) },
    toRecord: withSources
  })

  return {
    list: reads.list,
    get: (id: string) => reads.get(id),

    upsert (input: GameInput): void {
      const { id, sources, ...fields } = input
      db.insert(g).values({ id, ...fields }).onConflictDoUpdate({ target: g.id, set: fields }).run()
      replaceSources(db, gameSources, id, sources)
    }
  }
}

export type GamesRepository = ReturnType<typeof createGamesRepository>
