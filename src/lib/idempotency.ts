// Idempotency-Key on POST, with Stripe's semantics. The first request with a key (per API
// key) is recorded before its handler runs; its answer is stored when it is sent, and a
// retry with the same key, method, path and body gets that answer again, marked
// `Idempotent-Replayed: true`. Stored: every 2xx and 4xx answer of a request that reached
// its handler (a 409 duplicate or 400 unknown reference is replayed like a 201: the outcome
// of that request). Not stored: 5xx answers (the key is released so a retry runs again),
// and requests refused before the handler (401, 403, 400 schema validation, 415, 429),
// which never claim the key. Keys expire 24 hours after first use; expired rows are
// purged when a later keyed request comes in.
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { ApiError } from './errors.js'

export const IDEMPOTENCY_TTL_HOURS = 24
const TTL_MS = IDEMPOTENCY_TTL_HOURS * 3_600_000
/** Headers replayed with the stored answer. */
const REPLAYED_HEADERS = ['location', 'etag', 'content-type'] as const

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({
    minLength: 1,
    maxLength: 255,
    pattern: '^[\\x21-\\x7E]+$',
    description: `Makes the POST safe to retry (Stripe's semantics): a retry with the same key and the same body within ${IDEMPOTENCY_TTL_HOURS} hours gets the first answer again (status, body, Location) with \`Idempotent-Replayed: true\` and creates nothing; the same key with another body or path is a 422 IDEMPOTENCY_KEY_REUSED; while the first request runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Keys belong to the API key that sent them. 2xx and 4xx answers are replayed, 5xx are not (the retry runs again). Use a random UUID per intended create.`,
    examples: ['6f1c2e0a-8a4b-4a53-9d0e-2f5b7c1d9e42']
  }))
})

interface Row { method: string, path: string, request_hash: string, status: number | null, headers: string | null, body: string | null, created_at: string }

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { key: string, apiKeyId: string, replay: boolean }
  }
}

/** Canonical JSON: object keys sorted, so key order does not change the hash. */
function canonical (value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export function idempotencyHooks (app: FastifyInstance) {
  return {
    preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
      const key = request.headers['idempotency-key']
      if (typeof key !== 'string' || request.apiKey === null) return
      const apiKeyId = request.apiKey.id
      const path = request.url.split('?')[0] ?? request.url
      const hash = createHash('sha256').update(canonical(request.body)).digest('base64url')
      const now = app.clock.now()
      const cutoff = new Date(Date.parse(now) - TTL_MS).toISOString()
      const sqlite = app.sqlite
      const row = sqlite.transaction(() => {
        sqlite.prepare('delete from idempotency_keys where created_at <= ?').run(cutoff)
        const existing = sqlite.prepare<[string, string], Row>('select * from idempotency_keys where api_key_id = ? and key = ?').get(apiKeyId, key)
        if (existing === undefined) {
          sqlite.prepare('insert into idempotency_keys (api_key_id, key, method, path, request_hash, created_at) values (?, ?, ?, ?, ?, ?)')
            .run(apiKeyId, key, request.method, path, hash, now)
        }
        return existing
      })()
      if (row === undefined) {
        request.idempotency = { key, apiKeyId, replay: false }
        return
      }
      if (row.method !== request.method || row.path !== path || row.request_hash !== hash) {
        throw new ApiError('IDEMPOTENCY_KEY_REUSED', `The Idempotency-Key "${key}" was first used at ${row.created_at} with ${row.method === request.method && row.path === path ? 'another body' : `${row.method} ${row.path}`}; use a new key for a different request.`,
          { errors: [{ path: '/headers/idempotency-key', message: 'was used with a different request' }] })
      }
      if (row.status === null) {
        throw new ApiError('IDEMPOTENCY_KEY_IN_PROGRESS', `The request first sent with Idempotency-Key "${key}" is still being processed; retry shortly.`)
      }
      request.idempotency = { key, apiKeyId, replay: true }
      const headers = JSON.parse(row.headers ?? '{}') as Record<string, string>
      for (const [name, value] of Object.entries(headers)) reply.header(name, value)
      return reply.code(row.status).header('idempotent-replayed', 'true').send(row.body ?? '')
    },

    onSend: async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const state = request.idempotency
      if (state === undefined || state.replay) return payload
      const status = reply.statusCode
      if (status >= 200 && status < 500) {
        const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((name) => {
          const value = reply.getHeader(name)
          return value === undefined ? [] : [[name, String(value)]]
        }))
        app.sqlite.prepare('update idempotency_keys set status = ?, headers = ?, body = ? where api_key_id = ? and key = ?')
          .run(status, JSON.stringify(headers), typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString() : '', state.apiKeyId, state.key)
        reply.header('idempotent-replayed', 'false')
      } else {
        app.sqlite.prepare('delete from idempotency_keys where api_key_id = ? and key = ?').run(state.apiKeyId, state.key)
      }
      return payload
    }
  }
}
