// The database schema. Public ids are URL-safe text slugs (SQLite reuses integer
// keys after deletes). Partial ISO dates ("2017", "2017-01", "2017-01-19") are stored
// exactly as the source gave them, beside generated first-day/last-day columns that
// range queries and sorts use through indexes.
import { sql, type SQL } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core'

/** First day of a partial date: "2017" → "2017-01-01", "2017-03" → "2017-03-01". */
function firstDay (column: AnySQLiteColumn): SQL {
  return sql`(case length(${column}) when 4 then ${column} || '-01-01' when 7 then ${column} || '-01' else ${column} end)`
}

/** Last day of a partial date: "2028" → "2028-12-31", "2024-02" → "2024-02-29". */
function lastDay (column: AnySQLiteColumn): SQL {
  return sql`(case length(${column}) when 4 then ${column} || '-12-31' when 7 then date(${column} || '-01', '+1 month', '-1 day') else ${column} end)`
}

export const sources = sqliteTable('sources', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  publisher: text('publisher'),
  url: text('url').notNull(),
  publishedOn: text('published_on')
}, (t) => [index('sources_title_idx').on(t.title, t.id)])

export const games = sqliteTable('games', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  season: text('season', { enum: ['summer', 'winter'] }).notNull(),
  year: integer('year').notNull(),
  city: text('city').notNull(),
  country: text('country').notNull(),
  startsOn: text('starts_on'),
  endsOn: text('ends_on')
}, (t) => [
  check('games_season_check', sql`${t.season} in ('summer', 'winter')`),
  index('games_year_idx').on(t.year, t.id),
  index('games_name_idx').on(t.name, t.id)
])

export const categories = sqliteTable('categories', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description')
}, (t) => [index('categories_name_idx').on(t.name, t.id)])

export const sponsors = sqliteTable('sponsors', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  // Null when no source states it (some early TOP partners).
  country: text('country'),
  headquarters: text('headquarters'),
  industry: text('industry'),
  website: text('website'),
  description: text('description')
}, (t) => [
  index('sponsors_name_idx').on(t.name, t.id),
  index('sponsors_country_idx').on(t.country, t.name, t.id),
  index('sponsors_country_id_idx').on(t.country, t.id),
  // sort=country orders by this expression: unknown countries first, and never null for keyset cursors.
  // (CASE rather than coalesce: drizzle-kit splits an index expression at its commas; and it
  // quotes expressions wrongly when the same generate rebuilds the table, hence 0004 + 0005.)
  index('sponsors_country_sort_idx').on(sql`(case when ${t.country} is null then '' else ${t.country} end)`, t.id)
])

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

export const meetings = sqliteTable('meetings', {
  id: text('id').primaryKey(),
  date: text('date').notNull(),
  city: text('city'),
  country: text('country'),
  summary: text('summary').notNull(),
  dateFirst: text('date_first').generatedAlwaysAs((): SQL => firstDay(meetings.date), { mode: 'stored' }),
  dateLast: text('date_last').generatedAlwaysAs((): SQL => lastDay(meetings.date), { mode: 'stored' })
}, (t) => [
  index('meetings_date_idx').on(t.dateFirst, t.id),
  index('meetings_date_last_idx').on(t.dateLast)
])

/** An edition of the TOP programme (TOP I, ..., the quadrennials named by their years). */
export const programmes = sqliteTable('programmes', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on').notNull(),
  partnerCount: integer('partner_count'),
  revenue: integer('revenue'),
  notes: text('notes'),
  startsFirst: text('starts_first').generatedAlwaysAs((): SQL => firstDay(programmes.startsOn), { mode: 'stored' }),
  endsLast: text('ends_last').generatedAlwaysAs((): SQL => lastDay(programmes.endsOn), { mode: 'stored' })
}, (t) => [
  index('programmes_starts_idx').on(t.startsFirst, t.id),
  index('programmes_name_idx').on(t.name, t.id)
])

/** Other dated facts about a sponsor, e.g. "launched the first Olympic store on Tmall". */
export const sponsorFacts = sqliteTable('sponsor_facts', {
  id: text('id').primaryKey(),
  sponsorId: text('sponsor_id').notNull().references(() => sponsors.id, { onDelete: 'cascade' }),
  date: text('date').notNull(),
  summary: text('summary').notNull(),
  dateFirst: text('date_first').generatedAlwaysAs((): SQL => firstDay(sponsorFacts.date), { mode: 'stored' })
}, (t) => [index('sponsor_facts_sponsor_idx').on(t.sponsorId, t.dateFirst)])

/** Names a sponsor went by before its current one, oldest first (position 0). */
export const sponsorNames = sqliteTable('sponsor_names', {
  sponsorId: text('sponsor_id').notNull().references(() => sponsors.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  // Partial dates, or null when no source states them.
  fromOn: text('from_on'),
  untilOn: text('until_on')
}, (t) => [primaryKey({ columns: [t.sponsorId, t.position] })])

// Link tables. A parent's links go with it (cascade); a referenced record cannot be
// deleted while something still points at it (restrict).

export const contractSponsors = sqliteTable('contract_sponsors', {
  contractId: text('contract_id').notNull().references(() => contracts.id, { onDelete: 'cascade' }),
  sponsorId: text('sponsor_id').notNull().references(() => sponsors.id, { onDelete: 'restrict' }),
  position: integer('position').notNull()
}, (t) => [
  primaryKey({ columns: [t.contractId, t.sponsorId] }),
  index('contract_sponsors_sponsor_idx').on(t.sponsorId, t.contractId)
])

export const contractCategories = sqliteTable('contract_categories', {
  contractId: text('contract_id').notNull().references(() => contracts.id, { onDelete: 'cascade' }),
  categoryId: text('category_id').notNull().references(() => categories.id, { onDelete: 'restrict' }),
  position: integer('position').notNull()
}, (t) => [
  primaryKey({ columns: [t.contractId, t.categoryId] }),
  index('contract_categories_category_idx').on(t.categoryId, t.contractId)
])

export const contractGames = sqliteTable('contract_games', {
  contractId: text('contract_id').notNull().references(() => contracts.id, { onDelete: 'cascade' }),
  gamesId: text('games_id').notNull().references(() => games.id, { onDelete: 'restrict' }),
  position: integer('position').notNull()
}, (t) => [
  primaryKey({ columns: [t.contractId, t.gamesId] }),
  index('contract_games_games_idx').on(t.gamesId, t.contractId)
])

export const meetingSponsors = sqliteTable('meeting_sponsors', {
  meetingId: text('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  sponsorId: text('sponsor_id').notNull().references(() => sponsors.id, { onDelete: 'restrict' }),
  position: integer('position').notNull()
}, (t) => [
  primaryKey({ columns: [t.meetingId, t.sponsorId] }),
  index('meeting_sponsors_sponsor_idx').on(t.sponsorId, t.meetingId)
])

export const meetingParticipants = sqliteTable('meeting_participants', {
  meetingId: text('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  role: text('role'),
  organisation: text('organisation')
}, (t) => [
  primaryKey({ columns: [t.meetingId, t.position] }),
  index('meeting_participants_name_idx').on(t.name)
])

export const meetingQuotes = sqliteTable('meeting_quotes', {
  meetingId: text('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  speaker: text('speaker').notNull(),
  text: text('text').notNull()
}, (t) => [primaryKey({ columns: [t.meetingId, t.position] })])

function sourceLinks<const N extends string> (name: N, ownerColumn: string, owner: () => AnySQLiteColumn) {
  return sqliteTable(name, {
    ownerId: text(ownerColumn).notNull().references(owner, { onDelete: 'cascade' }),
    sourceId: text('source_id').notNull().references(() => sources.id, { onDelete: 'restrict' }),
    position: integer('position').notNull()
  }, (t) => [
    primaryKey({ columns: [t.ownerId, t.sourceId] }),
    index(`${name}_source_idx`).on(t.sourceId)
  ])
}

export const sponsorSources = sourceLinks('sponsor_sources', 'sponsor_id', () => sponsors.id)
export const categorySources = sourceLinks('category_sources', 'category_id', () => categories.id)
export const contractSources = sourceLinks('contract_sources', 'contract_id', () => contracts.id)
export const meetingSources = sourceLinks('meeting_sources', 'meeting_id', () => meetings.id)
export const gameSources = sourceLinks('game_sources', 'game_id', () => games.id)
export const factSources = sourceLinks('sponsor_fact_sources', 'fact_id', () => sponsorFacts.id)
export const programmeSources = sourceLinks('programme_sources', 'programme_id', () => programmes.id)

export type SourceLinkTable = typeof sponsorSources

/** API keys: only a SHA-256 hash of the secret is stored. */
export const apiKeys = sqliteTable('api_keys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  scope: text('scope', { enum: ['read', 'write', 'replicate'] }).notNull(),
  secretHash: text('secret_hash').notNull(),
  createdAt: text('created_at').notNull(),
  lastUsedAt: text('last_used_at'),
  revokedAt: text('revoked_at')
}, (t) => [check('api_keys_scope_check', sql`${t.scope} in ('read', 'write', 'replicate')`)])

/** The audit trail: every change made through the API, with its before and after. */
export const changes = sqliteTable('changes', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  keyId: text('key_id').notNull(),
  keyName: text('key_name').notNull(),
  action: text('action', { enum: ['create', 'update', 'delete'] }).notNull(),
  resource: text('resource').notNull(),
  recordId: text('record_id').notNull(),
  before: text('before'),
  after: text('after')
}, (t) => [
  check('changes_action_check', sql`${t.action} in ('create', 'update', 'delete')`),
  index('changes_record_idx').on(t.resource, t.recordId)
])

/**
 * Idempotency-Key records (Stripe's semantics): per API key, the request a key was first
 * used with and the answer it got, replayed to a retry for 24 hours. `status` is null
 * while the first request is still being processed.
 */
export const idempotencyKeys = sqliteTable('idempotency_keys', {
  apiKeyId: text('api_key_id').notNull(),
  key: text('key').notNull(),
  method: text('method').notNull(),
  path: text('path').notNull(),
  requestHash: text('request_hash').notNull(),
  status: integer('status'),
  headers: text('headers'),
  body: text('body'),
  createdAt: text('created_at').notNull()
}, (t) => [
  primaryKey({ columns: [t.apiKeyId, t.key] }),
  index('idempotency_keys_created_idx').on(t.createdAt)
])
