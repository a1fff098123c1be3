// The tables that belong to no resource: API keys, the audit trail, idempotency keys.
// Each resource's tables are in its folder (src/resources/*/tables.ts). Public ids are
// URL-safe text slugs (SQLite reuses integer keys after deletes). Partial ISO dates
// ("2017", "2017-01", "2017-01-19") are stored exactly as the source gave them, beside
// generated first-day/last-day columns that range queries and sorts use through indexes.
import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** API keys: only a SHA-256 hash of the secret is stored. */
export const apiKeys = sqliteTable('api_keys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  scope: text('scope', { enum: ['read', 'write', 'replicate'] }).notNull(),
  secretHash: text('secret_hash').notNull(),
  createdAt: text('created_at').notNull(),
  lastUsedAt: text('last_used_at'),
  revokedAt: text('revoked_at')
}, (t) => [check('api_keys_scope_check', sql`${t.scope} in ('read', 'write', 'replicate')`)])

/** The audit trail: every change made through the API, with its before and after. */
export const changes = sqliteTable('changes', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  keyId: text('key_id').notNull(),
  keyName: text('key_name').notNull(),
  action: text('action', { enum: ['create', 'update', 'delete'] }).notNull(),
  resource: text('resource').notNull(),
  recordId: text('record_id').notNull(),
  before: text('before'),
  after: text('after')
}, (t) => [
  check('changes_action_check', sql`${t.action} in ('create', 'update', 'delete')`),
  index('changes_record_idx').on(t.resource, t.recordId)
])

/**
 * Idempotency-Key records (Stripe's semantics): per API key, the request a key was first
 * used with and the answer it got, replayed to a retry for 24 hours. `status` is null
 * while the first request is still being processed.
 */
export const idempotencyKeys = sqliteTable('idempotency_keys', {
  apiKeyId: text('api_key_id').notNull(),
  key: text('key').notNull(),
  method: text('method').notNull(),
  path: text('path').notNull(),
  requestHash: text('request_hash').notNull(),
  status: integer('status'),
  headers: text('headers'),
  body: text('body'),
  createdAt: text('created_at').notNull()
}, (t) => [
  primaryKey({ columns: [t.apiKeyId, t.key] }),
  index('idempotency_keys_created_idx').on(t.createdAt)
])
