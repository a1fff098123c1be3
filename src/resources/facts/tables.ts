// The facts resource's tables (drizzle-kit reads every src/resources/*/tables.ts).
import { type SQL } from 'drizzle-orm'
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { firstDay, sourceLinks } from '../../db/columns.js'
import { sponsors } from '../sponsors/tables.js'

/** Other dated facts about a sponsor, e.g. "launched the first Olympic store on Tmall". */
export const sponsorFacts = sqliteTable('sponsor_facts', {
  id: text('id').primaryKey(),
  sponsorId: text('sponsor_id').notNull().references(() => sponsors.id, { onDelete: 'cascade' }),
  date: text('date').notNull(),
  summary: text('summary').notNull(),
  dateFirst: text('date_first').generatedAlwaysAs((): SQL => firstDay(sponsorFacts.date), { mode: 'stored' })
}, (t) => [index('sponsor_facts_sponsor_idx').on(t.sponsorId, t.dateFirst)])

export const factSources = sourceLinks('sponsor_fact_sources', 'fact_id', () => sponsorFacts.id)
