// The audit trail of writes made through the API.
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/open.js'
import { changes } from '../db/schema.js'
import type { ApiKey } from './keys.js'

import type { Change } from '../schemas/changes.js'

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

    /** Newest first; `before` is the seq to continue below. */
    list (filters: { resource?: string | undefined, recordId?: string | undefined, before?: number | undefined }, limit: number): { rows: Change[], more: boolean } {
      const where: SQL[] = []
      if (filters.resource !== undefined) where.push(eq(changes.resource, filters.resource))
      if (filters.recordId !== undefined) where.push(eq(changes.recordId, filters.recordId))
      if (filters.before !== undefined) where.push(lt(changes.seq, filters.before))
      const rows = db.select().from(changes).where(and(...where)).orderBy(desc(changes.seq)).limit(limit + 1).all()
      const more = rows.length > limit
      return {
        more,
        rows: rows.slice(0, limit).map((row) => ({
          seq: row.seq,
          at: row.at,
          key: { id: row.keyId, name: row.keyName },
          action: row.action,
          resource: row.resource as Change['resource'],
          recordId: row.recordId,
          before: row.before === null ? null : JSON.parse(row.before) as Record<string, unknown>,
          after: row.after === null ? null : JSON.parse(row.after) as Record<string, unknown>
        }))
      }
    },

    count (filters: { resource?: string | undefined, recordId?: string | undefined }): number {
      const where: SQL[] = []
      if (filters.resource !== undefined) where.push(eq(changes.resource, filters.resource))
      if (filters.recordId !== undefined) where.push(eq(changes.recordId, filters.recordId))
      return db.select({ n: sql<number>`count(*)` }).from(changes).where(and(...where)).get()?.n ?? 0
    }
  }
}

export type ChangesRepository = ReturnType<typeof createChangesRepository>
