// The categories resource's tables (drizzle-kit reads every src/resources/*/tables.ts).
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { sourceLinks } from '../../db/columns.js'

export const categories = sqliteTable('categories', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description')
}, (t) => [index('categories_name_idx').on(t.name, t.id)])

export const categorySources = sourceLinks('category_sources', 'category_id', () => categories.id)
