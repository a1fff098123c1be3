// Configuration from the environment, read once at start and validated against one
// schema. A bad value stops the process with a one-line reason.
import { existsSync } from 'node:fs'
import { createAjv } from './lib/ajv.js'
import { readKeyFile } from './replicate-key.js'
import { Type, type Static } from 'typebox'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** The most requests a minute RATE_LIMIT_MAX may allow (the OpenAPI document states it). */
export const RATE_LIMIT_MAX_LIMIT = 1_000_000

export const Env = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '0.0.0.0' }),
  DATABASE_PATH: Type.String({ minLength: 1, default: 'data/sponsors.db' }),
  LOG_LEVEL: Type.Unsafe<typeof LOG_LEVELS[number]>({ type: 'string', enum: [...LOG_LEVELS], default: 'info' }),
  RATE_LIMIT_MAX: Type.Integer({ minimum: 0, maximum: RATE_LIMIT_MAX_LIMIT, default: 600 }),
  CACHE_CONTROL: Type.String({ minLength: 1, maxLength: 200, default: 'public, max-age=60' }),
  BODY_LIMIT: Type.Integer({ minimum: 1024, maximum: 10_485_760, default: 102_400 }),
  CORS_ORIGINS: Type.String({ minLength: 1, default: '*' }),
  TRUST_PROXY: Type.String({ minLength: 1, default: 'false' }),
  REQUEST_TIMEOUT_MS: Type.Integer({ minimum: 0, default: 30_000 }),
  MAX_EVENT_LOOP_DELAY_MS: Type.Integer({ minimum: 0, default: 1000 }),
  RESPONSE_CACHE_ENTRIES: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 2000 }),
  READ_ONLY: Type.Unsafe<'true' | 'false'>({ type: 'string', enum: ['true', 'false'], default: 'false' }),
  PRIMARY_URL: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://' })),
  REPLICATE_FROM: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://' })),
  REPLICATE_KEY: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  REPLICATE_KEY_FILE: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
  REPLICATE_INTERVAL_S: Type.Integer({ minimum: 1, maximum: 86_400, default: 5 })
})
export type Env = Static<typeof Env>

export interface Config {
  port: number
  host: string
  databasePath: string
  logLevel: Env['LOG_LEVEL']
  rateLimitMax: number
  cacheControl: string
  bodyLimit: number
  corsOrigins: '*' | string[]
  trustProxy: boolean | number | string[]
  requestTimeout: number
  maxEventLoopDelay: number
  responseCacheEntries: number
  readOnly: boolean
  primaryUrl: string | undefined
  /** A replica's primary, the replicate-scoped key it asks with, and how often (ms). */
  replicate: { from: string, key: string, intervalMs: number } | undefined
  /** A primary's replicate key to register (REPLICATE_KEY) or file to read or make (REPLICATE_KEY_FILE). */
  replicateKey: { token?: string | undefined, file?: string | undefined } | undefined
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

const validate = createAjv({ coerce: true, schemas: [] }).compile(Env)

export function loadConfig (env: Record<string, string | undefined>): Config {
  const names = Object.keys(Env.properties)
  const values: Record<string, unknown> = {}
  for (const name of names) {
    const value = env[name]
    if (value === undefined || value === '') continue
    if (value.trim() !== value) throw new ConfigError(`${name}="${value}": leading or trailing spaces are not allowed`)
    values[name] = value
  }
  for (const name of ['PORT', 'RATE_LIMIT_MAX', 'BODY_LIMIT', 'REQUEST_TIMEOUT_MS', 'MAX_EVENT_LOOP_DELAY_MS', 'RESPONSE_CACHE_ENTRIES', 'REPLICATE_INTERVAL_S']) {
    const value = values[name]
    if (typeof value === 'string' && !/^[0-9]+$/.test(value)) throw new ConfigError(`${name}="${value}": must be a whole number`)
  }
  if (!validate(values)) {
    const error = validate.errors?.[0]
    const name = error?.instancePath.slice(1) ?? ''
    throw new ConfigError(`${name}="${String(env[name])}": ${error?.message ?? 'is invalid'}`)
  }
  const env_ = values as Env
  const replicate = replicationOf(env_)
  return {
    port: env_.PORT,
    host: env_.HOST,
    databasePath: env_.DATABASE_PATH,
    logLevel: env_.LOG_LEVEL,
    rateLimitMax: env_.RATE_LIMIT_MAX,
    cacheControl: env_.CACHE_CONTROL,
    bodyLimit: env_.BODY_LIMIT,
    corsOrigins: env_.CORS_ORIGINS === '*' ? '*' : listOf('CORS_ORIGINS', env_.CORS_ORIGINS),
    trustProxy: parseTrustProxy(env_.TRUST_PROXY),
    requestTimeout: env_.REQUEST_TIMEOUT_MS,
    maxEventLoopDelay: env_.MAX_EVENT_LOOP_DELAY_MS,
    responseCacheEntries: env_.RESPONSE_CACHE_ENTRIES,
    readOnly: env_.READ_ONLY === 'true',
    primaryUrl: env_.PRIMARY_URL,
    replicate,
    replicateKey: env_.READ_ONLY === 'true' || (env_.REPLICATE_KEY === undefined && env_.REPLICATE_KEY_FILE === undefined)
      ? undefined
      : { token: env_.REPLICATE_KEY, file: env_.REPLICATE_KEY_FILE }
  }
}

/** A replica's side of replication: REPLICATE_FROM with a key, only when READ_ONLY=true. */
function replicationOf (env: Env): Config['replicate'] {
  const hasKey = env.REPLICATE_KEY !== undefined || env.REPLICATE_KEY_FILE !== undefined
  if (env.REPLICATE_FROM === undefined) {
    if (env.READ_ONLY === 'true' && hasKey) throw new ConfigError('REPLICATE_KEY or REPLICATE_KEY_FILE is set on a replica: REPLICATE_FROM must name the primary')
    return undefined
  }
  if (env.READ_ONLY !== 'true') throw new ConfigError(`REPLICATE_FROM="${env.REPLICATE_FROM}": only a replica (READ_ONLY=true) copies a primary`)
  let key = env.REPLICATE_KEY
  if (key === undefined && env.REPLICATE_KEY_FILE !== undefined) {
    if (!existsSync(env.REPLICATE_KEY_FILE)) throw new ConfigError(`REPLICATE_KEY_FILE="${env.REPLICATE_KEY_FILE}": no such file (the primary writes it on its first start)`)
    key = readKeyFile(env.REPLICATE_KEY_FILE)
  }
  if (key === undefined) throw new ConfigError('REPLICATE_FROM is set: REPLICATE_KEY or REPLICATE_KEY_FILE must give a replicate-scoped key of the primary')
  if (!/^tk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/.test(key)) throw new ConfigError('REPLICATE_KEY: not a key this API issues (tk_<16 hex>_<43 characters>)')
  return { from: env.REPLICATE_FROM, key, intervalMs: env.REPLICATE_INTERVAL_S * 1000 }
}

function listOf (name: string, value: string): string[] {
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '')
  if (items.length === 0) throw new ConfigError(`${name}="${value}": must list at least one value`)
  return items
}

/** "false", "true", a number of proxy hops, or a comma-separated list of addresses/CIDRs. */
function parseTrustProxy (value: string): boolean | number | string[] {
  if (value === 'false') return false
  if (value === 'true') return true
  if (/^[0-9]+$/.test(value)) return Number(value)
  return listOf('TRUST_PROXY', value)
}
