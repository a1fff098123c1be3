// API keys. A key reads "tk_<id>_<secret>"; only SHA-256(secret) is stored, and it is
// compared in constant time. Keys carry a scope: read, write, or replicate
// (replicas fetching snapshots).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../db/open.js'
import { apiKeys } from '../db/schema.js'

export type Scope = 'read' | 'write' | 'replicate'
export const SCOPES: readonly Scope[] = ['read', 'write', 'replicate']

export interface ApiKey {
  id: string
  name: string
  scope: Scope
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

const TOKEN = /^tk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/

function hash (secret: string): Buffer {
  return createHash('sha256').update(secret).digest()
}

export type Verification = { ok: true, key: ApiKey } | { ok: false, reason: 'malformed' | 'unknown' | 'revoked' }

export function createKeysRepository (db: Db) {
  const byId = db.select().from(apiKeys).where(eq(apiKeys.id, sql.placeholder('id'))).prepare()
  const touch = db.update(apiKeys).set({ lastUsedAt: sql`${sql.placeholder('at')}` }).where(eq(apiKeys.id, sql.placeholder('id'))).prepare()
  const toKey = ({ secretHash: _, ...key }: typeof apiKeys.$inferSelect): ApiKey => key

  return {
    /** Makes a key; the token is returned once and never stored. */
    create (name: string, scope: Scope, now: string): { key: ApiKey, token: string } {
      const id = randomBytes(8).toString('hex')
      const secret = randomBytes(32).toString('base64url')
      db.insert(apiKeys).values({ id, name, scope, secretHash: hash(secret).toString('hex'), createdAt: now }).run()
      return { key: { id, name, scope, createdAt: now, lastUsedAt: null, revokedAt: null }, token: `tk_${id}_${secret}` }
    },

    /**
     * Registers a token made elsewhere (a replica's REPLICATE_KEY) unless its id is
     * known already; false for a malformed token.
     */
    adopt (token: string, name: string, scope: Scope, now: string): boolean {
      const match = TOKEN.exec(token)
      if (match === null) return false
      const id = match[1] ?? ''
      if (byId.get({ id }) === undefined) db.insert(apiKeys).values({ id, name, scope, secretHash: hash(match[2] ?? '').toString('hex'), createdAt: now }).run()
      return true
    },

    list (): ApiKey[] {
      return db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt), apiKeys.id).all().map(toKey)
    },

    /** Revokes a key at once; false when there is no such key. */
    revoke (id: string, now: string): boolean {
      db.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt))).run()
      return byId.get({ id }) !== undefined
    },

    verify (token: string, now: string): Verification {
      const match = TOKEN.exec(token)
      if (match === null) return { ok: false, reason: 'malformed' }
      const row = byId.get({ id: match[1] })
      // Compare against a hash either way, so an unknown id costs the same as a wrong secret.
      const expected = row === undefined ? Buffer.alloc(32) : Buffer.from(row.secretHash, 'hex')
      const matches = timingSafeEqual(hash(match[2] ?? ''), expected)
      if (row === undefined || !matches) return { ok: false, reason: 'unknown' }
      if (row.revokedAt !== null) return { ok: false, reason: 'revoked' }
      // At minute precision: a write on every request would cost a commit and empty
      // the response cache (it follows total_changes) on each authenticated read.
      if (row.lastUsedAt === null || row.lastUsedAt.slice(0, 16) !== now.slice(0, 16)) touch.run({ id: row.id, at: now })
      return { ok: true, key: toKey({ ...row, lastUsedAt: now }) }
    }
  }
}

export type KeysRepository = ReturnType<typeof createKeysRepository>
