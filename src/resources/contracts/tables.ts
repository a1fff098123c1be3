// The contracts resource's tables (drizzle-kit reads every src/resources/*/tables.ts).
import { sql, type SQL } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { firstDay, lastDay, sourceLinks, linkTable, owner, target } from '../../db/columns.js'
import { categories } from '../categories/tables.js'
import { games } from '../games/tables.js'
import { sponsors } from '../sponsors/tables.js'

export const contracts = sqliteTable('contracts', {
  id: text('id').primaryKey(),
  programme: text('programme', { enum: ['TOP'] }).notNull().default('TOP'),
  signedOn: text('signed_on'),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on'),
  territory: text('territory').notNull().default('worldwide'),
  endedEarly: integer('ended_early', { mode: 'boolean' }).notNull().default(false),
  notes: text('notes'),
  startsFirst: text('starts_first').generatedAlwaysAs((): SQL => firstDay(contracts.startsOn), { mode: 'stored' }),
  // An open-ended contract (no endsOn) runs until further notice.
  endsLast: text('ends_last').generatedAlwaysAs((): SQL => sql`coalesce(${lastDay(contracts.endsOn)}, '9999-12-31')`, { mode: 'stored' })
}, (t) => [
  check('contracts_programme_check', sql`${t.programme} in ('TOP')`),
  // Starts order; active on a day = starts_first <= day <= ends_last: walking this
  // index, each contract's end is read from the index instead of from its row.
  index('contracts_starts_id_ends_idx').on(t.startsFirst, t.id, t.endsLast),
  index('contracts_ends_idx').on(t.endsLast, t.id),
  // Per term class, starts order: the contracts active on a day are one bounded range of
  // each class (see termClass), merged in starts order instead of walking every contract
  // that started before the day.
  index('contracts_term_starts_idx').on(termClass(t.startsFirst, t.endsLast), t.startsFirst, t.id, t.endsLast)
])

/**
 * The most whole years a contract of each term class runs past its start year (index =
 * class; null: no bound, open-ended contracts included). Classes 0–15 are exact.
 */
export const TERM_CLASS_YEARS: ReadonlyArray<number | null> = [...Array.from({ length: 16 }, (_, years) => years), 31, 63, null]

/**
 * A contract's term class: its end year minus its start year, up to 15, then 16 (up to
 * 31 years), 17 (up to 63) and 18 (longer or open-ended). A contract of class k active on
 * a day started no earlier than TERM_CLASS_YEARS[k] years before that day's year.
 * The expression of contracts_term_starts_idx: queries must use it as written here.
 */
export function termClass (startsFirst: AnySQLiteColumn | SQL, endsLast: AnySQLiteColumn | SQL): SQL<number> {
  // CAST reads a date's leading integer: its year. (No commas: drizzle-kit splits index
  // expressions at them.)
  const years = sql`(cast(${endsLast} as integer) - cast(${startsFirst} as integer))`
  return sql<number>`(case when ${years} < 16 then ${years} when ${years} < 32 then 16 when ${years} < 64 then 17 else 18 end)`
}

export const contractSponsors = linkTable('contract_sponsors', {
  contractId: owner('contract_id', () => contracts.id),
  sponsorId: target('sponsor_id', () => sponsors.id)
}, { owner: 'contractId', target: 'sponsorId', index: 'contract_sponsors_sponsor_idx' })

export const contractCategories = linkTable('contract_categories', {
  contractId: owner('contract_id', () => contracts.id),
  categoryId: target('category_id', () => categories.id)
}, { owner: 'contractId', target: 'categoryId', index: 'contract_categories_category_idx' })

export const contractGames = linkTable('contract_games', {
  contractId: owner('contract_id', () => contracts.id),
  gamesId: target('games_id', () => games.id)
}, { owner: 'contractId', target: 'gamesId', index: 'contract_games_games_idx' })

export const contractSources = sourceLinks('contract_sources', 'contract_id', () => contracts.id)

/**
 * The read model of contracts: each contract's embedded sponsors, categories, Games and
 * sources as the JSON arrays the API answers, so a page of contracts reads one row by
 * primary key per contract instead of joining four link tables. Written only by the
 * triggers of migration 0013 (on contracts, their link tables and renames of what they
 * link to), in the same statement as the change; readModelDrift (src/db/read-model.ts)
 * compares it with the link tables (test/read-model.test.ts, test/migrations.test.ts).
 */
export const contractEmbeds = sqliteTable('contract_embeds', {
  contractId: text('contract_id').primaryKey().references(() => contracts.id, { onDelete: 'cascade' }),
  sponsors: text('sponsors').notNull().default('[]'),
  categories: text('categories').notNull().default('[]'),
  games: text('games').notNull().default('[]'),
  sources: text('sources').notNull().default('[]'),
  // The contract's JSON up to its notes ('{"id":…,"notes":…'), embedded arrays included:
  // a list appends status and sources (migration 0015).
  body: text('body').notNull().default('')
})
