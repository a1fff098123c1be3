// TOP programme editions. Their partners and Games are derived, not stored: the
// sponsors of every contract whose term overlaps the edition's period, and the Games
// editions whose year lies in it (both through the contracts' and Games' indexes).
// Embedded lists are capped at PARTNERS_MAX (TOP editions have had 9 to 15 partners).
import { sql } from 'drizzle-orm'
import type { Static } from 'typebox'
import type { Db } from '../../db/open.js'
import { contracts, contractSponsors } from '../contracts/tables.js'
import { games } from '../games/tables.js'
import { programmes, programmeSources } from './tables.js'
import { sponsors } from '../sponsors/tables.js'
import type { Summary } from '../../schemas/common.js'
import { GAMES_MAX, PARTNERS_MAX, type Programme, type ProgrammeInput } from './schemas.js'
import { parseJson, q, sourcesOf } from '../../repositories/embed.js'
import { type RowOf } from '../../repositories/keyset.js'
import { replaceSources } from '../../repositories/links.js'
import { createReads, withSources } from '../../repositories/records.js'
import type { PageRequest } from '../../lib/paging.js'

const p = programmes
const c = contracts
const cs = contractSponsors
const g = games
type Summaries = Array<Static<typeof Summary>>

/** Contracts whose term overlaps the period from `startsFirst` to `endsLast` (SQL expressions). */
function overlapping (startsFirst: ReturnType<typeof sql>, endsLast: ReturnType<typeof sql>) {
  return sql`${q(c.startsFirst)} <= ${endsLast} and ${q(c.endsLast)} >= ${startsFirst}`
}

/** Sponsors holding a contract that overlaps the period, as `sponsors.id in (…)`. */
export function holdersDuring (startsFirst: ReturnType<typeof sql>, endsLast: ReturnType<typeof sql>) {
  return sql`${q(sponsors.id)} in (select ${q(cs.sponsorId)} from ${c} join ${cs} on ${q(cs.contractId)} = ${q(c.id)} where ${overlapping(startsFirst, endsLast)})`
}

/** The period of the programme edition with this id, for the `programme` list filters. */
function periodOf (id: unknown): [ReturnType<typeof sql>, ReturnType<typeof sql>] {
  return [
    sql`(select ${q(p.startsFirst)} from ${p} where ${q(p.id)} = ${id})`,
    sql`(select ${q(p.endsLast)} from ${p} where ${q(p.id)} = ${id})`
  ]
}

/** `programme=` on /v1/contracts: contracts whose term overlaps that edition's period. */
export function contractsInProgramme (id: unknown) {
  return overlapping(...periodOf(id))
}

/** `programme=` on /v1/sponsors: sponsors holding such a contract. */
export function sponsorsInProgramme (id: unknown) {
  return holdersDuring(...periodOf(id))
}

const select = {
  id: p.id,
  name: p.name,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  partnerCount: p.partnerCount,
  revenue: p.revenue,
  notes: p.notes,
  partners: sql<string>`(select json_group_array(json_object('id', x.id, 'name', x.name) order by x.name, x.id) from (
      select ${q(sponsors.id)} as id, ${q(sponsors.name)} as name from ${sponsors}
      where ${holdersDuring(sql`${q(p.startsFirst)}`, sql`${q(p.endsLast)}`)}
      order by ${q(sponsors.name)}, ${q(sponsors.id)} limit ${sql.raw(String(PARTNERS_MAX))}) x)`,
  games: sql<string>`(select json_group_array(json_object('id', x.id, 'name', x.name) order by x.year, x.day, x.id) from (
      select ${q(g.id)} as id, ${q(g.name)} as name, ${q(g.year)} as year, coalesce(${q(g.startsOn)}, '') as day from ${g}
      where ${q(g.year)} between cast(substr(${q(p.startsFirst)}, 1, 4) as integer) and cast(substr(${q(p.endsLast)}, 1, 4) as integer)
      order by ${q(g.year)}, day, ${q(g.id)} limit ${sql.raw(String(GAMES_MAX))}) x)`,
  sources: sourcesOf(programmeSources, p.id)
}

type Row = RowOf<typeof select>

function toProgramme (row: Row): Programme {
  return { ...withSources(row), partners: parseJson<Summaries>(row.partners), games: parseJson<Summaries>(row.games) }
}

export function createProgrammesRepository (db: Db) {
  const reads = createReads<typeof select, Programme>(db, { table: p, select, sorts: { name: p.name, startsOn: p.startsFirst }, toRecord: toProgramme })
  const every = db.select(select).from(p).orderBy(p.startsFirst, p.id).prepare()

  return {
    /** A page of programme editions; sort: name, -name, startsOn (default), -startsOn. */
    list: (page: PageRequest) => reads.list({}, page),
    get: (id: string) => reads.get(id),

    /** Every programme edition, oldest first (there are about a dozen). */
    all (): Programme[] {
      return (every.all()).map(toProgramme)
    },

    /** Insert or replace a programme edition and its source links. Run inside a transaction. */
    upsert (input: ProgrammeInput): void {
      const { id, sources, ...fields } = input
      db.insert(p).values({ id, ...fields }).onConflictDoUpdate({ target: p.id, set: fields }).run()
      replaceSources(db, programmeSources, id, sources)
    }
  }
}

export type ProgrammesRepository = ReturnType<typeof createProgrammesRepository>
