// The games resource's tables (drizzle-kit reads every src/resources/*/tables.ts).
import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { sourceLinks } from '../../db/columns.js'

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

export const gameSources = sourceLinks('game_sources', 'game_id', () => games.id)
