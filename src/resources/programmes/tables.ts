// The programmes resource's tables (drizzle-kit reads every src/resources/*/tables.ts).
import { type SQL } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { firstDay, lastDay, sourceLinks } from '../../db/columns.js'

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

export const programmeSources = sourceLinks('programme_sources', 'programme_id', () => programmes.id)
