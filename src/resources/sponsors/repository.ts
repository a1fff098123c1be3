import { eq, sql, type Placeholder, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/open.js'
import { contractCategories, contractGames, contracts, contractSponsors } from '../contracts/tables.js'
import { sponsorEmbeds, sponsorNames, sponsors, sponsorSources } from './tables.js'
import { sponsorsInProgramme } from '../programmes/repository.js'
import type { FormerName, Sponsor, SponsorInput } from './schemas.js'
import { parseJson, q, readModel } from '../../repositories/embed.js'
import { createLister, type JsonPage, type ListSpec, type RowOf } from '../../repositories/keyset.js'
import { replaceSources } from '../../repositories/links.js'
import type { SearchRepository } from '../../repositories/search.js'
import { createReads, withSources } from '../../repositories/records.js'
import type { PageRequest } from '../../lib/paging.js'
import { createJsonPage, createJsonRecord } from '../../repositories/json-page.js'

const s = sponsors
const cs = contractSponsors
const sn = sponsorNames

/** Sponsors that have a contract matching `condition`. */
function hasContract (condition: SQL): SQL {
  return sql`exists (select 1 from ${cs} join ${contracts} on ${q(contracts.id)} = ${q(cs.contractId)} where ${q(cs.sponsorId)} = ${q(s.id)} and ${condition})`
}

/**
 * A sponsor's status from the read model's latest end of its contracts: active while any
 * of them has not ended (upcoming ones included); former once every one has ended; none
 * while it has never held one.
 */
const statusOf = sql<'active' | 'former' | 'none'>`(select case when ${q(sponsorEmbeds.contractsEnd)} is null then 'none' when ${q(sponsorEmbeds.contractsEnd)} >= ${sql.placeholder('today')} then 'active' else 'former' end from ${sponsorEmbeds} where ${q(sponsorEmbeds.sponsorId)} = ${q(s.id)})`

const select = {
  id: s.id,
  name: s.name,
  country: s.country,
  headquarters: s.headquarters,
  industry: s.industry,
  website: s.website,
  description: s.description,
  // From the read model (sponsor_embeds), kept by triggers on sponsor_names, sponsor_sources and sources.
  // The schema's order (formerNames before status): a record's ETag is the hash of its JSON.stringify,
  // which must equal the bytes the JSON path writes (getJson).
  formerNames: readModel(sponsorEmbeds.formerNames, sponsorEmbeds.sponsorId, s.id),
  status: statusOf,
  sources: readModel(sponsorEmbeds.sources, sponsorEmbeds.sponsorId, s.id)
}

type Row = RowOf<typeof select>

const e = sponsorEmbeds

/**
 * The sponsor as the API answers it (the Sponsor schema's keys, in its order), as text:
 * the read model's body (id to former names), then status and sources (see the
 * contracts' asJson).
 */
const asJson = sql<string>`${q(e.body)} || ',"status":' || (case when ${q(e.contractsEnd)} is null then '"none"' when ${q(e.contractsEnd)} >= ${sql.placeholder('today')} then '"active"' else '"former"' end) || ',"sources":' || ${q(e.sources)} || '}'`
/** Everything asJson reads is in the read model's row: the sponsors table is not joined. */
const jsonSource = { model: e, key: e.sponsorId, table: s, id: s.id, joinTable: false }

function toSponsor (row: Row): Sponsor {
  return { ...withSources(row), formerNames: parseJson<FormerName[]>(row.formerNames) }
}

export interface SponsorFilters {
  /** An FTS5 query (see search.query). */
  q?: string | undefined
  category?: string | undefined
  country?: string | undefined
  games?: string | undefined
  activeOn?: string | undefined
  status?: 'active' | 'former' | 'none' | undefined
  /** A programme edition's id: sponsors holding a contract that overlaps its period. */
  programme?: string | undefined
}

export function createSponsorsRepository (db: Db, search: SearchRepository) {
  const spec: Omit<ListSpec<typeof select>, 'select'> = {
    table: s,
    // Sponsors with no sourced country sort first; the expression is that of sponsors_country_sort_idx.
    sorts: { name: s.name, country: sql`(case when ${q(s.country)} is null then '' else ${q(s.country)} end)`, id: s.id },
    filters: {
      q: (v: Placeholder) => sql`${q(s.id)} in (select d.ref_id from search_fts join search_docs d on d.rowid = search_fts.rowid where search_fts match ${v} and d.type = 'sponsor')`,
      country: (v) => eq(s.country, v),
      // IN over the link tables' indexes: the planner starts from the few matching rows.
      category: (v) => sql`${q(s.id)} in (select ${q(cs.sponsorId)} from ${contractCategories} join ${cs} on ${q(cs.contractId)} = ${q(contractCategories.contractId)} where ${q(contractCategories.categoryId)} = ${v})`,
      games: (v) => sql`${q(s.id)} in (select ${q(cs.sponsorId)} from ${contractGames} join ${cs} on ${q(cs.contractId)} = ${q(contractGames.contractId)} where ${q(contractGames.gamesId)} = ${v})`,
      activeOn: (v) => hasContract(sql`${q(contracts.startsFirst)} <= ${v} and ${q(contracts.endsLast)} >= ${v}`),
      status: (v) => sql`${statusOf} = ${v}`,
      programme: (v) => sponsorsInProgramme(v)
    }
  }
  const reads = createReads<typeof select, Sponsor, SponsorFilters>(db, { ...spec, select, toRecord: toSponsor })
  const listIds = createLister(db, { ...spec, select: { id: s.id } })
  const jsonPage = createJsonPage(db, jsonSource, asJson)
  const jsonById = createJsonRecord(db, jsonSource, asJson)

  return {
    list: (filters: SponsorFilters, page: PageRequest, today: string) => reads.list(filters, page, { today }),
    get: (id: string, today: string) => reads.get(id, { today }),

    /** The sponsor as the JSON the API answers, as bytes (see asJson); the same text as get's record. */
    getJson: (id: string, today: string) => jsonById(id, { today }),

    /** The same page as list, each sponsor as the JSON the API answers (see asJson). */
    listJson (filters: SponsorFilters, page: PageRequest, today: string): JsonPage {
      return jsonPage(() => listIds({ ...page, filters: Object.fromEntries(Object.entries(filters)), params: { today } }), { today })
    },

    /** Delete a sponsor (its former names and source links go with it). Run inside a transaction. */
    remove (id: string): void {
      db.delete(s).where(eq(s.id, id)).run()
      search.refresh('sponsor', id)
    },

    /** Insert or replace a sponsor, its former names and source links. Run inside a transaction. */
    upsert (input: SponsorInput): void {
      const { sources, id, formerNames = [], ...fields } = input
      db.insert(s).values({ id, ...fields }).onConflictDoUpdate({ target: s.id, set: fields }).run()
      db.delete(sn).where(eq(sn.sponsorId, id)).run()
      if (formerNames.length > 0) {
        db.insert(sn).values(formerNames.map((former, position) => ({ sponsorId: id, position, name: former.name, fromOn: former.from, untilOn: former.until }))).run()
      }
      replaceSources(db, sponsorSources, id, sources)
      search.refreshSponsor(id)
    }
  }
}

export type SponsorsRepository = ReturnType<typeof createSponsorsRepository>
