// The read model's own check: contract_embeds and sponsor_embeds (kept by the triggers of
// migrations 0013 and 0015) against what the records and link tables say, computed the
// slow way and, for the bodies, from a field list written here rather than the triggers' SQL.
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from './open.js'
import { contractCategories, contractEmbeds, contractGames, contracts, contractSources, contractSponsors } from '../resources/contracts/tables.js'
import { categories } from '../resources/categories/tables.js'
import { games } from '../resources/games/tables.js'
import { sponsorEmbeds, sponsorNames, sponsors, sponsorSources } from '../resources/sponsors/tables.js'
import { jsonObjectOpening, q, sourcesOf, summariesOf } from '../repositories/embed.js'

export interface Drift {
  table: 'contract_embeds' | 'sponsor_embeds'
  /** The record whose row is missing or differs. */
  id: string
  /** The columns that differ ('*' when the row is missing). */
  columns: string[]
}

/** Compares each row's stored columns with the expected ones (same names), in order. */
function compare (table: Drift['table'], rows: Array<Record<string, unknown>>, names: string[]): Drift[] {
  return rows.flatMap((row): Drift[] => {
    const id = String(row.id)
    if (row.present === 0) return [{ table, id, columns: ['*'] }]
    const stored = JSON.parse(String(row.stored)) as unknown[]
    const columns = names.filter((name, i) => stored[i] !== row[name])
    return columns.length === 0 ? [] : [{ table, id, columns }]
  })
}

/** `json_array` of the stored columns, to compare in one row. */
const storedOf = (columns: SQL[]): SQL<string> => sql<string>`json_array(${sql.join(columns, sql`, `)})`

/** Every read-model row that is missing or differs from its records and link tables; empty when in step. */
export function readModelDrift (db: Db): Drift[] {
  const c = contracts
  const ce = contractEmbeds
  const sponsorsOf = summariesOf({ table: contractSponsors, owner: contractSponsors.contractId, target: contractSponsors.sponsorId, position: contractSponsors.position }, { table: sponsors, id: sponsors.id, name: sponsors.name }, c.id)
  const categoriesOf = summariesOf({ table: contractCategories, owner: contractCategories.contractId, target: contractCategories.categoryId, position: contractCategories.position }, { table: categories, id: categories.id, name: categories.name }, c.id)
  const gamesOf = summariesOf({ table: contractGames, owner: contractGames.contractId, target: contractGames.gamesId, position: contractGames.position }, { table: games, id: games.id, name: games.name }, c.id)
  const contractRows = db.select({
    id: c.id,
    present: sql<number>`${q(ce.contractId)} is not null`,
    sponsors: sponsorsOf,
    categories: categoriesOf,
    games: gamesOf,
    sources: sourcesOf(contractSources, c.id),
    body: jsonObjectOpening([
      ['id', q(c.id), 'value'],
      ['sponsors', sponsorsOf, 'json'],
      ['categories', categoriesOf, 'json'],
      ['programme', q(c.programme), 'value'],
      ['signedOn', q(c.signedOn), 'value'],
      ['startsOn', q(c.startsOn), 'value'],
      ['endsOn', q(c.endsOn), 'value'],
      ['games', gamesOf, 'json'],
      ['territory', q(c.territory), 'value'],
      ['endedEarly', sql`(case when ${q(c.endedEarly)} then 'true' else 'false' end)`, 'json'],
      ['notes', q(c.notes), 'value']
    ]),
    stored: storedOf([q(ce.sponsors), q(ce.categories), q(ce.games), q(ce.sources), q(ce.body)])
  }).from(c).leftJoin(ce, sql`${q(ce.contractId)} = ${q(c.id)}`).all()

  const s = sponsors
  const se = sponsorEmbeds
  const n = sponsorNames
  const formerNames = sql<string>`(select json_group_array(json_object('name', ${q(n.name)}, 'from', ${q(n.fromOn)}, 'until', ${q(n.untilOn)}) order by ${q(n.position)}) from ${n} where ${q(n.sponsorId)} = ${q(s.id)})`
  const sponsorRows = db.select({
    id: s.id,
    present: sql<number>`${q(se.sponsorId)} is not null`,
    former_names: formerNames,
    sources: sourcesOf(sponsorSources, s.id),
    body: jsonObjectOpening([
      ['id', q(s.id), 'value'],
      ['name', q(s.name), 'value'],
      ['country', q(s.country), 'value'],
      ['headquarters', q(s.headquarters), 'value'],
      ['industry', q(s.industry), 'value'],
      ['website', q(s.website), 'value'],
      ['description', q(s.description), 'value'],
      ['formerNames', formerNames, 'json']
    ]),
    contracts_end: sql<string | null>`(select max(${q(contracts.endsLast)}) from ${contractSponsors} join ${contracts} on ${q(contracts.id)} = ${q(contractSponsors.contractId)} where ${q(contractSponsors.sponsorId)} = ${q(s.id)})`,
    stored: storedOf([q(se.formerNames), q(se.sources), q(se.body), q(se.contractsEnd)])
  }).from(s).leftJoin(se, sql`${q(se.sponsorId)} = ${q(s.id)}`).all()

  return [
    ...compare('contract_embeds', contractRows, ['sponsors', 'categories', 'games', 'sources', 'body']),
    ...compare('sponsor_embeds', sponsorRows, ['former_names', 'sources', 'body', 'contracts_end'])
  ]
}
