// The read model's own check: contract_embeds and sponsor_embeds (kept by the triggers of
// migration 0013) against what the link tables say, computed the slow way.
import { sql } from 'drizzle-orm'
import type { Db } from './open.js'
import { contractCategories, contractEmbeds, contractGames, contracts, contractSources, contractSponsors } from '../resources/contracts/tables.js'
import { categories } from '../resources/categories/tables.js'
import { games } from '../resources/games/tables.js'
import { sponsorEmbeds, sponsorNames, sponsors, sponsorSources } from '../resources/sponsors/tables.js'
import { q, sourcesOf, summariesOf } from '../repositories/embed.js'

export interface Drift {
  table: 'contract_embeds' | 'sponsor_embeds'
  /** The record whose row is missing or differs. */
  id: string
  /** The columns that differ ('*' when the row is missing). */
  columns: string[]
}

/** Every read-model row that is missing or differs from its link tables; empty when in step. */
export function readModelDrift (db: Db): Drift[] {
  const c = contracts
  const expected = {
    sponsors: summariesOf({ table: contractSponsors, owner: contractSponsors.contractId, target: contractSponsors.sponsorId, position: contractSponsors.position }, { table: sponsors, id: sponsors.id, name: sponsors.name }, c.id),
    categories: summariesOf({ table: contractCategories, owner: contractCategories.contractId, target: contractCategories.categoryId, position: contractCategories.position }, { table: categories, id: categories.id, name: categories.name }, c.id),
    games: summariesOf({ table: contractGames, owner: contractGames.contractId, target: contractGames.gamesId, position: contractGames.position }, { table: games, id: games.id, name: games.name }, c.id),
    sources: sourcesOf(contractSources, c.id)
  }
  const drift: Drift[] = []
  const contractRows = db.select({ id: c.id, present: sql<number>`${q(contractEmbeds.contractId)} is not null`, ...expected, stored: sql<string>`json_array(${q(contractEmbeds.sponsors)}, ${q(contractEmbeds.categories)}, ${q(contractEmbeds.games)}, ${q(contractEmbeds.sources)})` })
    .from(c).leftJoin(contractEmbeds, sql`${q(contractEmbeds.contractId)} = ${q(c.id)}`).all()
  for (const row of contractRows) {
    if (row.present === 0) { drift.push({ table: 'contract_embeds', id: row.id, columns: ['*'] }); continue }
    const stored = JSON.parse(row.stored) as string[]
    const columns = (['sponsors', 'categories', 'games', 'sources'] as const).filter((name, i) => stored[i] !== row[name])
    if (columns.length > 0) drift.push({ table: 'contract_embeds', id: row.id, columns })
  }
  const s = sponsors
  const n = sponsorNames
  const sponsorRows = db.select({
    id: s.id,
    present: sql<number>`${q(sponsorEmbeds.sponsorId)} is not null`,
    formerNames: sql<string>`(select json_group_array(json_object('name', ${q(n.name)}, 'from', ${q(n.fromOn)}, 'until', ${q(n.untilOn)}) order by ${q(n.position)}) from ${n} where ${q(n.sponsorId)} = ${q(s.id)})`,
    sources: sourcesOf(sponsorSources, s.id),
    storedNames: sql<string | null>`${q(sponsorEmbeds.formerNames)}`,
    storedSources: sql<string | null>`${q(sponsorEmbeds.sources)}`
  }).from(s).leftJoin(sponsorEmbeds, sql`${q(sponsorEmbeds.sponsorId)} = ${q(s.id)}`).all()
  for (const row of sponsorRows) {
    if (row.present === 0) { drift.push({ table: 'sponsor_embeds', id: row.id, columns: ['*'] }); continue }
    const columns = [row.storedNames === row.formerNames ? undefined : 'former_names', row.storedSources === row.sources ? undefined : 'sources'].filter((name) => name !== undefined)
    if (columns.length > 0) drift.push({ table: 'sponsor_embeds', id: row.id, columns })
  }
  return drift
}
