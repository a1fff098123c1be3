import { eq, sql } from 'drizzle-orm'
import type { Static } from 'typebox'
import type { Db } from '../../db/open.js'
import { games, gameSources } from '../../db/schema.js'
import type { SourceSummary } from '../../schemas/common.js'
import type { Game, GameInput } from './schemas.js'
import { parseJson, sourcesOf } from '../../repositories/embed.js'
import { createLister, type RowOf } from '../../repositories/keyset.js'
import { replaceSources } from '../../repositories/links.js'

const g = games
const select = {
  id: g.id,
  name: g.name,
  season: g.season,
  year: g.year,
  city: g.city,
  country: g.country,
  startsOn: g.startsOn,
  endsOn: g.endsOn,
  sources: sourcesOf(gameSources, g.id)
}
type Row = RowOf<typeof select>

function toGame (row: Row): Game {
  return { ...row, sources: parseJson<Array<Static<typeof SourceSummary>>>(row.sources) }
}

export function createGamesRepository (db: Db) {
  const list = createLister(db, {
    table: g,
    id: g.id,
    select,
    sorts: { year: g.year, name: g.name, id: g.id },
    filters: { season: (v) => eq(g.season, v) }
  })
  const byId = db.select(select).from(g).where(eq(g.id, sql.placeholder('id'))).prepare()

  return {
    list (filters: { season?: 'summer' | 'winter' | undefined }, page: { sort: string, limit: number, cursor?: string | undefined }) {
      const result = list({ ...page, filters: { ...filters } })
      return { ...result, rows: result.rows.map(toGame) }
    },

    get (id: string): Game | undefined {
      const row = byId.get({ id })
      return row === undefined ? undefined : toGame(row)
    },

    upsert (input: GameInput): void {
      const { id, sources, ...fields } = input
      db.insert(g).values({ id, ...fields }).onConflictDoUpdate({ target: g.id, set: fields }).run()
      replaceSources(db, gameSources, id, sources)
    }
  }
}

export type GamesRepository = ReturnType<typeof createGamesRepository>
