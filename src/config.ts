// Configuration from the environment, read once at start and validated against one
// schema. A bad value stops the process with a one-line reason.
import { createAjv } from './lib/ajv.js'
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
  PRIMARY_URL: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://' }))
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
  for (const name of ['PORT', 'RATE_LIMIT_MAX', 'BODY_LIMIT', 'REQUEST_TIMEOUT_MS', 'MAX_EVENT_LOOP_DELAY_MS', 'RESPONSE_CACHE_ENTRIES']) {
    const value = values[name]
    if (typeof value === 'string' && !/^[0-9]+$/.test(value)) throw new ConfigError(`${name}="${value}": must be a whole number`)
  }
  if (!validate(values)) {
    const error = validate.errors?.[0]
    const name = error?.instancePath.slice(1) ?? ''
    throw new ConfigError(`${name}="${String(env[name])}": ${error?.message ?? 'is invalid'}`)
  }
  const env_ = values as Env
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
    primaryUrl: env_.PRIMARY_URL
  }
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
