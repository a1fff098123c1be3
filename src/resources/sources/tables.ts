// The sources resource's tables (drizzle-kit reads every src/resources/*/tables.ts).
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const sources = sqliteTable('sources', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  publisher: text('publisher'),
  url: text('url').notNull(),
  publishedOn: text('published_on')
}, (t) => [index('sources_title_idx').on(t.title, t.id)])
