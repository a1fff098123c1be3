import { eq, sql, type Placeholder, type SQL } from 'drizzle-orm'
import type { Static } from 'typebox'
import type { Db } from '../../db/open.js'
import { contractCategories, contractEmbeds, contractGames, contracts, contractSources, contractSponsors, TERM_CLASS_YEARS, termClass } from './tables.js'
import { sponsors } from '../sponsors/tables.js'
import { contractsInProgramme } from '../programmes/repository.js'
import type { SourceSummary, Summary } from '../../schemas/common.js'
import type { Contract, ContractInput } from './schemas.js'
import { parseJson, q, readModel } from '../../repositories/embed.js'
import { createLister, type JsonPage, type ListSpec, type PageRows, type RowOf } from '../../repositories/keyset.js'
import type { PageRequest } from '../../lib/paging.js'
import { createJsonPage, createJsonRecord } from '../../repositories/json-page.js'
import { replaceLinks, replaceSources } from '../../repositories/links.js'
import type { SearchRepository } from '../../repositories/search.js'

const c = contracts
type Summaries = Array<Static<typeof Summary>>

const select = {
  id: c.id,
  programme: c.programme,
  signedOn: c.signedOn,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  territory: c.territory,
  endedEarly: c.endedEarly,
  notes: c.notes,
  // Generated from startsOn and endsOn, so never null (Drizzle types generated columns as nullable).
  startsFirst: sql<string>`${c.startsFirst}`,
  endsLast: sql<string>`${c.endsLast}`,
  // From the read model (contract_embeds), kept by triggers on the link tables and renames.
  sponsors: readModel(contractEmbeds.sponsors, contractEmbeds.contractId, c.id),
  categories: readModel(contractEmbeds.categories, contractEmbeds.contractId, c.id),
  games: readModel(contractEmbeds.games, contractEmbeds.contractId, c.id),
  sources: readModel(contractEmbeds.sources, contractEmbeds.contractId, c.id)
}

type Row = RowOf<typeof select>

const e = contractEmbeds
const today = sql.placeholder('today')

/**
 * The contract as the API answers it (the Contract schema's keys, in its order), as
 * text: the read model's body (id to notes, embedded arrays included), then status
 * (contractStatus, in SQL, with today bound) and sources. A list page joins these
 * (createJsonPage) instead of parsing the embedded arrays and serialising them again.
 */
const asJson = sql<string>`${q(e.body)} || ',"status":' || (case when ${today} < ${q(c.startsFirst)} then '"upcoming"' when ${today} > ${q(c.endsLast)} then '"expired"' else '"active"' end) || ',"sources":' || ${q(e.sources)} || '}'`
/** The read model's row, joined to the contract's own for the term its status needs. */
const jsonSource = { model: e, key: e.contractId, table: c, id: c.id, joinTable: true }

export function contractStatus (startsFirst: string, endsLast: string, today: string): Contract['status'] {
  if (today < startsFirst) return 'upcoming'
  if (today > endsLast) return 'expired'
  return 'active'
}

function toContract (row: Row, today: string): Contract {
  return {
    id: row.id,
    sponsors: parseJson<Summaries>(row.sponsors),
    categories: parseJson<Summaries>(row.categories),
    programme: row.programme,
    signedOn: row.signedOn,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    games: parseJson<Summaries>(row.games),
    territory: row.territory,
    endedEarly: Boolean(row.endedEarly),
    notes: row.notes,
    status: contractStatus(row.startsFirst, row.endsLast, today),
    sources: parseJson<Array<Static<typeof SourceSummary>>>(row.sources)
  }
}

/**
 * Contracts linked to `value` through `table`, as an IN over the link table's index:
 * the planner can start from the few linked contracts instead of walking all of them.
 */
function linked (table: typeof contractSponsors | typeof contractCategories | typeof contractGames, column: SQL, value: SQL): SQL {
  return sql`${q(c.id)} in (select ${q(table.contractId)} from ${table} where ${column} = ${value})`
}

/** Contracts running on `day`: starts_first <= day <= ends_last. */
function runningOn (day: Placeholder): SQL {
  return sql`${q(c.startsFirst)} <= ${day} and ${q(c.endsLast)} >= ${day}`
}

/**
 * The contracts running on a day, per term class: the range of contracts_term_starts_idx
 * that started from the day's year minus the class's longest term up to the day. Walking
 * the starts index instead passes every contract that ended before the day.
 */
function runningByTermClass (day: Placeholder, select: SQL, and: SQL = sql``): SQL[] {
  return TERM_CLASS_YEARS.map((years, termClassOf) => {
    const from = years === null ? sql`` : sql` and ${q(c.startsFirst)} >= printf('%04d', cast(${day} as integer) - ${sql.raw(String(years))})`
    return sql`select ${select} from ${c}
      where ${termClass(q(c.startsFirst), q(c.endsLast))} = ${sql.raw(String(termClassOf))}${from} and ${runningOn(day)}${and}`
  })
}

/** A page of the contracts running on a day, in starts order: SQLite merges the term classes' ranges in order and stops at the page's end. */
const runningPage: PageRows = (day, page) => {
  const direction = sql.raw(page.descending ? 'desc' : 'asc')
  const arms = runningByTermClass(day, sql`${c}.rowid as r, ${q(c.startsFirst)} as k, ${q(c.id)} as i`, page.after === undefined ? sql`` : sql` and ${page.after}`)
  return sql`${c}.rowid in (select r from (${sql.join(arms, sql` union all `)} order by k ${direction}, i ${direction} limit ${page.limit}))`
}

/** How many contracts run on a day: the term classes' ranges counted. */
function runningCount (day: Placeholder): SQL {
  return sql`(select sum(n) as total from (${sql.join(runningByTermClass(day, sql`count(*) as n`), sql` union all `)}))`
}

export interface ContractFilters {
  sponsor?: string | undefined
  country?: string | undefined
  category?: string | undefined
  games?: string | undefined
  activeOn?: string | undefined
  status?: Contract['status'] | undefined
  /** A programme edition's id: contracts whose term overlaps its period. */
  programme?: string | undefined
}

export function createContractsRepository (db: Db, search: SearchRepository) {
  const spec: Omit<ListSpec<typeof select>, 'select'> = {
    table: c,
    sorts: { startsOn: c.startsFirst, endsOn: c.endsLast, id: c.id },
    filters: {
      sponsor: (v) => linked(contractSponsors, q(contractSponsors.sponsorId), sql`${v}`),
      category: (v) => linked(contractCategories, q(contractCategories.categoryId), sql`${v}`),
      games: (v) => linked(contractGames, q(contractGames.gamesId), sql`${v}`),
      country: (v) => sql`${q(c.id)} in (select ${q(contractSponsors.contractId)} from ${contractSponsors}
        join ${sponsors} on ${q(sponsors.id)} = ${q(contractSponsors.sponsorId)} where ${q(sponsors.country)} = ${v})`,
      // Walk the starts index (which holds ends_last) in list order and stop at the page's
      // end; the unary + keeps the planner from sorting every contract not yet ended.
      activeOn: (v) => sql`${q(c.startsFirst)} <= ${v} and +${q(c.endsLast)} >= ${v}`,
      programme: (v) => contractsInProgramme(v),
      // status=… becomes one of these, bound to today, so each is an index range.
      upcomingOn: (v) => sql`${q(c.startsFirst)} > ${v}`,
      activeToday: (v) => sql`${q(c.startsFirst)} <= ${v} and +${q(c.endsLast)} >= ${v}`,
      expiredOn: (v) => sql`${q(c.endsLast)} < ${v}`
    },
    // Alone, the two "running on a day" filters are counted, and under the default sort
    // paged, from the term classes' ranges.
    alone: {
      activeOn: { sort: 'startsOn', rows: runningPage, count: runningCount },
      activeToday: { sort: 'startsOn', rows: runningPage, count: runningCount }
    }
  }
  const list = createLister(db, { ...spec, select })
  const listIds = createLister(db, { ...spec, select: { id: c.id } })
  const jsonPage = createJsonPage(db, jsonSource, asJson)
  const jsonById = createJsonRecord(db, jsonSource, asJson)
  /** status=… as the filter bound to today that makes it an index range. */
  const byStatus = ({ status, ...rest }: ContractFilters, today: string) => ({
    ...rest,
    upcomingOn: status === 'upcoming' ? today : undefined,
    activeToday: status === 'active' ? today : undefined,
    expiredOn: status === 'expired' ? today : undefined
  })
  const byId = db.select(select).from(c).where(eq(c.id, sql.placeholder('id'))).prepare()
  const holding = db.select(select).from(c)
    .where(sql`${linked(contractCategories, q(contractCategories.categoryId), sql`${sql.placeholder('category')}`)}
      and ${q(c.startsFirst)} <= ${sql.placeholder('on')} and ${q(c.endsLast)} >= ${sql.placeholder('on')}`)
    .orderBy(c.startsFirst, c.id)
    .prepare()

  return {
    list (filters: ContractFilters, page: PageRequest, today: string) {
      const result = list({ ...page, filters: byStatus(filters, today) })
      return { ...result, rows: result.rows.map((row) => toContract(row, today)) }
    },

    /** The contract as the JSON the API answers, as bytes (see asJson); the same text as get's record. */
    getJson: (id: string, today: string) => jsonById(id, { today }),

    /** The same page as list, each contract as the JSON the API answers (see asJson). */
    listJson (filters: ContractFilters, page: PageRequest, today: string): JsonPage {
      return jsonPage(() => listIds({ ...page, filters: byStatus(filters, today) }), { today })
    },

    get (id: string, today: string): Contract | undefined {
      const row = byId.get({ id })
      return row === undefined ? undefined : toContract(row, today)
    },

    /** Contracts that grant `category` on the day `on`. */
    holding (category: string, on: string, today: string): Contract[] {
      return (holding.all({ category, on })).map((row) => toContract(row, today))
    },

    /** Insert or replace a contract and all its links. Run inside a transaction. */
    /** Delete a contract with its links. Run inside a transaction. */
    remove (id: string): void {
      db.delete(c).where(eq(c.id, id)).run()
      search.refresh('contract', id)
    },

    upsert (input: ContractInput): void {
      const { id, sponsors: sponsorIds, categories: categoryIds, games: gameIds, sources, ...fields } = input
      db.insert(c).values({ id, ...fields }).onConflictDoUpdate({ target: c.id, set: fields }).run()
      replaceLinks(db, contractSponsors, 'contractId', 'sponsorId', id, sponsorIds)
      replaceLinks(db, contractCategories, 'contractId', 'categoryId', id, categoryIds)
      replaceLinks(db, contractGames, 'contractId', 'gamesId', id, gameIds)
      replaceSources(db, contractSources, id, sources)
      search.refresh('contract', id)
    }
  }
}

export type ContractsRepository = ReturnType<typeof createContractsRepository>
