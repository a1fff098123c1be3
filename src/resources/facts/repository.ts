import { asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/open.js'
import { factSources, sponsorFacts } from './tables.js'
import { sponsors } from '../sponsors/tables.js'
import type { Fact as FactRecord, FactInput } from './schemas.js'
import { parseJson, q, sourcesOf } from '../../repositories/embed.js'
import { type RowOf } from '../../repositories/keyset.js'
import { replaceSources } from '../../repositories/links.js'
import { createReads } from '../../repositories/records.js'
import type { PageRequest } from '../../lib/paging.js'

const f = sponsorFacts

/** A fact as the sponsor's timeline embeds it (its sponsor is the timeline's). */
export type Fact = Omit<FactRecord, 'sponsor'>

const select = {
  id: f.id,
  sponsor: sql<string>`(select json_object('id', ${q(sponsors.id)}, 'name', ${q(sponsors.name)}) from ${sponsors} where ${q(sponsors.id)} = ${q(f.sponsorId)})`,
  date: f.date,
  summary: f.summary,
  sources: sourcesOf(factSources, f.id)
}

type Row = RowOf<typeof select>

function toFact (row: Row): FactRecord {
  return { ...row, sponsor: parseJson<FactRecord['sponsor']>(row.sponsor), sources: parseJson<FactRecord['sources']>(row.sources) }
}

/** Last day of a fact's partial date, as the meetings' generated `date_last` column. */
const lastDay = sql`(case length(${q(f.date)}) when 4 then ${q(f.date)} || '-12-31' when 7 then date(${q(f.date)} || '-01', '+1 month', '-1 day') else ${q(f.date)} end)`

export interface FactFilters {
  sponsor?: string | undefined
  /** First day of the `from` parameter. */
  from?: string | undefined
  /** Last day of the `to` parameter. */
  to?: string | undefined
  /** Text the summary contains. */
  q?: string | undefined
}

export function createFactsRepository (db: Db) {
  const reads = createReads<typeof select, FactRecord, FactFilters>(db, {
    table: f,
    select,
    sorts: { date: f.dateFirst, id: f.id },
    filters: {
      sponsor: (v) => sql`${q(f.sponsorId)} = ${v}`,
      // A fact of reduced precision matches when its period overlaps the range.
      from: (v) => sql`${lastDay} >= ${v}`,
      to: (v) => sql`${q(f.dateFirst)} <= ${v}`,
      q: (v) => sql`instr(lower(${q(f.summary)}), lower(${v})) > 0`
    },
    toRecord: toFact
  })
  const ofSponsor = db.select(select).from(f).where(eq(f.sponsorId, sql.placeholder('sponsor'))).orderBy(asc(f.dateFirst), asc(f.id)).prepare()

  return {
    list: (filters: FactFilters, page: PageRequest) => reads.list(filters, page),
    get: (id: string) => reads.get(id),

    /** A sponsor's dated facts, oldest first. */
    ofSponsor (sponsor: string): Fact[] {
      return (ofSponsor.all({ sponsor })).map((row) => {
        const { sponsor: _, ...fact } = toFact(row)
        return fact
      })
    },

    /** Insert or replace a dated sponsor fact and its sources. Run inside a transaction. */
    upsert (input: FactInput): void {
      const { id, sponsor, date, summary, sources } = input
      const fields = { sponsorId: sponsor, date, summary }
      db.insert(f).values({ id, ...fields }).onConflictDoUpdate({ target: f.id, set: fields }).run()
      replaceSources(db, factSources, id, sources)
    },

    /** Delete a fact with its source links. Run inside a transaction. */
    remove (id: string): void {
      db.delete(f).where(eq(f.id, id)).run()
    }
  }
}

export type FactsRepository = ReturnType<typeof createFactsRepository>
