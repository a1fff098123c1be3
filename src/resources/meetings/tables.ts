// The meetings resource's tables (drizzle-kit reads every src/resources/*/tables.ts).
import { type SQL } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { firstDay, lastDay, sourceLinks, linkTable, owner, target } from '../../db/columns.js'
import { sponsors } from '../sponsors/tables.js'

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

export const meetingSponsors = linkTable('meeting_sponsors', {
  meetingId: owner('meeting_id', () => meetings.id),
  sponsorId: target('sponsor_id', () => sponsors.id)
}, { owner: 'meetingId', target: 'sponsorId', index: 'meeting_sponsors_sponsor_idx' })

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

export const meetingSources = sourceLinks('meeting_sources', 'meeting_id', () => meetings.id)
