// Column and table helpers the resources' tables share (src/resources/*/tables.ts).
import { sql, type SQL } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { sources } from '../resources/sources/tables.js'

/** First day of a partial date: "2017" → "2017-01-01", "2017-03" → "2017-03-01". */
export function firstDay (column: AnySQLiteColumn): SQL {
  return sql`(case length(${column}) when 4 then ${column} || '-01-01' when 7 then ${column} || '-01' else ${column} end)`
}

/** Last day of a partial date: "2028" → "2028-12-31", "2024-02" → "2024-02-29". */
export function lastDay (column: AnySQLiteColumn): SQL {
  return sql`(case length(${column}) when 4 then ${column} || '-12-31' when 7 then date(${column} || '-01', '+1 month', '-1 day') else ${column} end)`
}

// Link tables. A parent's links go with it (cascade); a referenced record cannot be
// deleted while something still points at it (restrict).

/** A record's sources, in their given order. */
export function sourceLinks<const N extends string> (name: N, ownerColumn: string, owner: () => AnySQLiteColumn) {
  return sqliteTable(name, {
    ownerId: text(ownerColumn).notNull().references(owner, { onDelete: 'cascade' }),
    sourceId: text('source_id').notNull().references(() => sources.id, { onDelete: 'restrict' }),
    position: integer('position').notNull()
  }, (t) => [
    primaryKey({ columns: [t.ownerId, t.sourceId] }),
    index(`${name}_source_idx`).on(t.sourceId)
  ])
}
