// The sponsors resource's tables (drizzle-kit reads every src/resources/*/tables.ts).
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { sourceLinks } from '../../db/columns.js'

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

/** Names a sponsor went by before its current one, oldest first (position 0). */
export const sponsorNames = sqliteTable('sponsor_names', {
  sponsorId: text('sponsor_id').notNull().references(() => sponsors.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  // Partial dates, or null when no source states them.
  fromOn: text('from_on'),
  untilOn: text('until_on')
}, (t) => [primaryKey({ columns: [t.sponsorId, t.position] })])

export const sponsorSources = sourceLinks('sponsor_sources', 'sponsor_id', () => sponsors.id)

/**
 * The read model of sponsors: each sponsor's former names and sources as the JSON arrays
 * the API answers (see contractEmbeds). Written only by the triggers of migration 0013.
 */
export const sponsorEmbeds = sqliteTable('sponsor_embeds', {
  sponsorId: text('sponsor_id').primaryKey().references(() => sponsors.id, { onDelete: 'cascade' }),
  formerNames: text('former_names').notNull().default('[]'),
  sources: text('sources').notNull().default('[]'),
  // The sponsor's JSON up to its former names ('{"id":…,"formerNames":[…]'): a list
  // appends status and sources (migration 0015).
  body: text('body').notNull().default(''),
  // The latest end of its contracts (ends_last), null while it holds none: its status.
  contractsEnd: text('contracts_end')
})
