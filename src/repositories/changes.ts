// The audit trail of writes made through the API.
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/open.js'
import { changes } from '../db/schema.js'
import { decodeCursor, encodeCursor } from '../lib/cursor.js'
import { badParameter } from '../lib/errors.js'
import type { Change } from '../schemas/changes.js'
import type { ApiKey } from './keys.js'

/** The one order of the audit trail: newest first. */
const SORT = '-seq'

export function createChangesRepository (db: Db) {
  return {
    /** Record one change. Run inside the write's transaction. */
    record (entry: { at: string, key: ApiKey, action: Change['action'], resource: Change['resource'], recordId: string, before: unknown, after: unknown }): void {
      db.insert(changes).values({
        at: entry.at,
        keyId: entry.key.id,
        keyName: entry.key.name,
        action: entry.action,
        resource: entry.resource,
        recordId: entry.recordId,
        before: entry.before === null ? null : JSON.stringify(entry.before),
        after: entry.after === null ? null : JSON.stringify(entry.after)
      }).run()
    },

    /** One page, newest first, with the total over all pages and the next page's cursor. */
    list (filters: { resource?: string | undefined, recordId?: string | undefined }, page: { limit: number, cursor?: string | undefined }): { rows: Change[], total: number, nextCursor: string | null } {
      const where: SQL[] = []
      if (filters.resource !== undefined) where.push(eq(changes.resource, filters.resource))
      if (filters.recordId !== undefined) where.push(eq(changes.recordId, filters.recordId))
      const total = db.select({ n: sql<number>`count(*)` }).from(changes).where(and(...where)).get()?.n ?? 0
      if (page.cursor !== undefined) {
        const before = decodeCursor(page.cursor, SORT).key
        if (typeof before !== 'number') throw badParameter('cursor', 'is not a cursor this API issued')
        where.push(lt(changes.seq, before))
      }
      const rows = db.select().from(changes).where(and(...where)).orderBy(desc(changes.seq)).limit(page.limit + 1).all()
      const last = rows[page.limit - 1]
      return {
        total,
        nextCursor: rows.length > page.limit && last !== undefined ? encodeCursor(SORT, last.seq, String(last.seq)) : null,
        rows: rows.slice(0, page.limit).map((row) => ({
          seq: row.seq,
          at: row.at,
          key: { id: row.keyId, name: row.keyName },
          action: row.action,
          resource: row.resource,
          recordId: row.recordId,
          before: row.before === null ? null : JSON.parse(row.before) as Record<string, unknown>,
          after: row.after === null ? null : JSON.parse(row.after) as Record<string, unknown>
        }))
      }
    }
  }
}

export type ChangesRepository = ReturnType<typeof createChangesRepository>
