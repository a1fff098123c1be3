// Correlated subqueries that embed related records as JSON arrays in one row, so a
// page of N records costs one query, not 1 + N.
import { getTableName, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { sources } from '../resources/sources/tables.js'

/**
 * A column as "table"."column". Drizzle prints bare column names in single-table
 * queries, which a correlated subquery would resolve against the wrong table.
 */
export function q (column: SQLiteColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`
}

type LinkTable = SQLiteTable & { ownerId: SQLiteColumn, sourceId: SQLiteColumn, position: SQLiteColumn }

/** `[{ id, title, url }]` of the sources linked to `owner`, in their given order. */
export function sourcesOf (link: LinkTable, owner: SQLiteColumn): SQL<string> {
  return sql<string>`(select json_group_array(json_object('id', ${q(sources.id)}, 'title', ${q(sources.title)}, 'url', ${q(sources.url)}) order by ${q(link.position)}) from ${link} join ${sources} on ${q(sources.id)} = ${q(link.sourceId)} where ${q(link.ownerId)} = ${q(owner)})`
}

interface Summarised { table: SQLiteTable, id: SQLiteColumn, name: SQLiteColumn }

/** `[{ id, name }]` of the records `target` linked to `owner` through `link`, in order. */
export function summariesOf (
  link: { table: SQLiteTable, owner: SQLiteColumn, target: SQLiteColumn, position: SQLiteColumn },
  target: Summarised,
  owner: SQLiteColumn
): SQL<string> {
  return sql<string>`(select json_group_array(json_object('id', ${q(target.id)}, 'name', ${q(target.name)}) order by ${q(link.position)}) from ${link.table} join ${target.table} on ${q(target.id)} = ${q(link.target)} where ${q(link.owner)} = ${q(owner)})`
}

/**
 * A column of a read-model table (contract_embeds, sponsor_embeds: JSON kept in step by
 * triggers) for `owner`'s row: one primary-key lookup instead of a join per row.
 */
export function readModel (column: SQLiteColumn, key: SQLiteColumn, owner: SQLiteColumn): SQL<string> {
  return sql<string>`(select ${q(column)} from ${column.table} where ${q(key)} = ${q(owner)})`
}

/** How a field of jsonObjectText is written: a value SQLite quotes (text or null), or JSON text as it is. */
export type JsonField = [key: string, value: SQL | SQLiteColumn, kind: 'value' | 'json']

/**
 * The opening of a JSON object as SQLite writes it, its keys in the given order (the
 * response schema's, so the text is what fast-json-stringify would write), without the
 * closing brace: `value` fields through json_quote (a string quoted and escaped, null as
 * null), `json` fields as they are (the read model's arrays, literals such as true).
 * readModelDrift builds the read model's bodies this way to check the triggers' own.
 */
export function jsonObjectOpening (fields: JsonField[]): SQL<string> {
  const parts = fields.map(([key, value, kind], i) => {
    if (/['"\\]/.test(key)) throw new Error(`a key SQL text cannot hold as it is: ${key}`)
    const prefix = sql.raw(`'${i === 0 ? '{' : ','}${JSON.stringify(key)}:'`)
    return kind === 'value' ? sql`${prefix} || json_quote(${value})` : sql`${prefix} || ${value}`
  })
  return sql<string>`(${sql.join(parts, sql` || `)})`
}

export function parseJson<T> (value: string): T {
  return JSON.parse(value) as T
}
