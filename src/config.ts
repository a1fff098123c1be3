// Configuration from the environment, read once at start and validated against one
// schema. A bad value stops the process with a one-line reason.
//
// Every variable is declared once, in `variables`: its schema (with its default and, as
// description, the meaning the README's Configuration table gives), the `Config` field
// it sets and how its text becomes that field's value. `Env` and `Config` are derived
// from that table, the app's options from `Config` (see AppOptions in app.ts), and a
// test keeps the README's table identical to it. A new setting is one entry here, one
// row in the README and its use.
import { existsSync } from 'node:fs'
import { createAjv } from './lib/ajv.js'
import { readKeyFile } from './replicate-key.js'
import { IsInteger, Type, type Static, type TSchema } from 'typebox'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** The most requests a minute RATE_LIMIT_MAX may allow (the OpenAPI document states it). */
export const RATE_LIMIT_MAX_LIMIT = 1_000_000

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** A variable that sets the `Config` field `field` to its validated value (setting) or that value parsed (parsed). */
interface Variable<S extends TSchema, K extends string, T> {
  schema: S
  field: K
  parse: (value: Static<S>, name: string) => T
}

/** A variable read only by a field made from several variables (replicate, replicateKey). */
interface Input<S extends TSchema> {
  schema: S
}

function setting<S extends TSchema, K extends string> (field: K, schema: S): Variable<S, K, Static<S>> {
  return { schema, field, parse: (value) => value }
}

function parsed<S extends TSchema, K extends string, T> (field: K, schema: S, parse: (value: Static<S>, name: string) => T): Variable<S, K, T> {
  return { schema, field, parse }
}

function input<S extends TSchema> (schema: S): Input<S> {
  return { schema }
}

const URL_PATTERN = '^https?://'

/** Every environment variable, in the order the README lists them and errors are reported. */
export const variables = {
  PORT: setting('port', Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'TCP port (`0` picks a free one)' })),
  HOST: setting('host', Type.String({ minLength: 1, default: '0.0.0.0', description: 'interface to listen on (a container needs `0.0.0.0`)' })),
  DATABASE_PATH: setting('databasePath', Type.String({ minLength: 1, default: 'data/sponsors.db', description: 'SQLite file; created, migrated and seeded on first start' })),
  LOG_LEVEL: setting('logLevel', Type.Unsafe<typeof LOG_LEVELS[number]>({
    type: 'string',
    enum: [...LOG_LEVELS],
    default: 'info',
    description: '`fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`; JSON logs (pino) with a request id'
  })),
  RATE_LIMIT_MAX: setting('rateLimitMax', Type.Integer({ minimum: 0, maximum: RATE_LIMIT_MAX_LIMIT, default: 600, description: 'requests a minute per client, at most 1,000,000; `0` turns the limit off' })),
  CACHE_CONTROL: setting('cacheControl', Type.String({ minLength: 1, maxLength: 200, default: 'public, max-age=60', description: '`Cache-Control` of successful reads' })),
  BODY_LIMIT: setting('bodyLimit', Type.Integer({ minimum: 1024, maximum: 10_485_760, default: 102_400, description: 'largest request body in bytes (1024–10485760); larger is a 413' })),
  CORS_ORIGINS: parsed('corsOrigins', Type.String({ minLength: 1, default: '*', description: 'origins allowed by CORS: `*` for any, or a comma-separated list' }),
    (value, name): '*' | string[] => value === '*' ? '*' : listOf(name, value)),
  TRUST_PROXY: parsed('trustProxy', Type.String({
    minLength: 1,
    default: 'false',
    description: 'behind a load balancer: `true`, a number of proxy hops, or comma-separated trusted addresses/CIDRs (client IPs, used by the rate limit, then come from `X-Forwarded-For`)'
  }), parseTrustProxy),
  REQUEST_TIMEOUT_MS: setting('requestTimeout', Type.Integer({ minimum: 0, default: 30_000, description: 'a request taking longer has its connection closed (`0`: no limit)' })),
  SHUTDOWN_DELAY_MS: setting('shutdownDelay', Type.Integer({ minimum: 0, maximum: 60_000, default: 0, description: 'on SIGTERM, how long the server keeps serving with `/ready` answering 503 before it stops accepting connections, so a load balancer stops sending first (0–60000; `0`: at once; a second signal ends the wait)' })),
  MAX_EVENT_LOOP_DELAY_MS: setting('maxEventLoopDelay', Type.Integer({ minimum: 0, default: 1000, description: 'event loop lag above which requests get 503 problems with `Retry-After` (`0`: off)' })),
  RESPONSE_CACHE_ENTRIES: setting('responseCacheEntries', Type.Integer({ minimum: 0, maximum: 1_000_000, default: 2000, description: 'public read responses kept in memory until the next write (`0`: off)' })),
  READ_ONLY: parsed('readOnly', Type.Unsafe<'true' | 'false'>({
    type: 'string',
    enum: ['true', 'false'],
    default: 'false',
    description: '`true` makes a read replica: every write answers a 503 problem naming `PRIMARY_URL`'
  }), (value) => value === 'true'),
  PRIMARY_URL: setting('primaryUrl', Type.Optional(Type.String({ format: 'uri', pattern: URL_PATTERN, description: 'where a replica sends writers (an `http(s)` URL; also a `Link: rel="primary"` header)' }))),
  REPLICATE_FROM: input(Type.Optional(Type.String({
    format: 'uri',
    pattern: URL_PATTERN,
    description: 'a replica\'s primary (base URL): with `READ_ONLY=true`, the replica copies its database from `GET /v1/snapshot` there and keeps it current'
  }))),
  REPLICATE_KEY: input(Type.Optional(Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'a `replicate`-scoped key of the primary; on a replica, the key it asks with; on a primary, registered as such a key at start'
  }))),
  REPLICATE_KEY_FILE: input(Type.Optional(Type.String({
    minLength: 1,
    maxLength: 4096,
    description: 'a file holding that key instead; a primary whose file does not exist yet makes a key and writes it there (mode 0600)'
  }))),
  REPLICATE_INTERVAL_S: input(Type.Integer({ minimum: 1, maximum: 86_400, default: 5, description: 'how often a replica asks the primary for a newer copy (1–86400 s; a 304 while nothing changed)' }))
}

type Variables = typeof variables

export const Env = Type.Object(schemasOf(variables))
export type Env = Static<typeof Env>

function schemasOf<V extends Record<string, { schema: TSchema }>> (table: V): { [N in keyof V]: V[N]['schema'] } {
  return Object.fromEntries(Object.entries(table).map(([name, entry]) => [name, entry.schema])) as { [N in keyof V]: V[N]['schema'] }
}

type Fields = {
  [N in keyof Variables as Variables[N] extends { field: infer K extends string } ? K : never]:
  Variables[N] extends Variable<infer S, string, infer T> ? (S extends { '~optional': true } ? T | undefined : T) : never
}

export type Config = Fields & {
  /** A replica's primary, the replicate-scoped key it asks with, and how often (ms). */
  replicate: ReturnType<typeof replicationOf>
  /** A primary's replicate key to register (REPLICATE_KEY) or file to read or make (REPLICATE_KEY_FILE). */
  replicateKey: ReturnType<typeof replicateKeyOf>
}

const validate = createAjv({ coerce: true, schemas: [] }).compile(Env)

export function loadConfig (env: Record<string, string | undefined>): Config {
  const values: Record<string, unknown> = {}
  for (const [name, { schema }] of Object.entries(variables)) {
    const value = env[name]
    if (value === undefined || value === '') continue
    if (value.trim() !== value) throw new ConfigError(`${name}="${value}": leading or trailing spaces are not allowed`)
    // Ajv's coercion would take "1e3" or "-1"; a whole number is written in digits.
    if (IsInteger(schema) && !/^[0-9]+$/.test(value)) throw new ConfigError(`${name}="${value}": must be a whole number`)
    values[name] = value
  }
  if (!validate(values)) {
    const error = validate.errors?.[0]
    const name = error?.instancePath.slice(1) ?? ''
    throw new ConfigError(`${name}="${String(env[name])}": ${error?.message ?? 'is invalid'}`)
  }
  const env_ = values as Env
  const config: Record<string, unknown> = { replicate: replicationOf(env_), replicateKey: replicateKeyOf(env_) }
  for (const [name, entry] of Object.entries(variables)) {
    // The value passed the entry's schema above.
    if ('field' in entry) config[entry.field] = entry.parse(values[name] as never, name)
  }
  return config as Config
}

/** A replica's side of replication: REPLICATE_FROM with a key, only when READ_ONLY=true. */
function replicationOf (env: Env): { from: string, key: string, intervalMs: number } | undefined {
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

function replicateKeyOf (env: Env): { token?: string | undefined, file?: string | undefined } | undefined {
  if (env.READ_ONLY === 'true' || (env.REPLICATE_KEY === undefined && env.REPLICATE_KEY_FILE === undefined)) return undefined
  return { token: env.REPLICATE_KEY, file: env.REPLICATE_KEY_FILE }
}

function listOf (name: string, value: string): string[] {
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '')
  if (items.length === 0) throw new ConfigError(`${name}="${value}": must list at least one value`)
  return items
}

/** "false", "true", a number of proxy hops, or a comma-separated list of addresses/CIDRs. */
function parseTrustProxy (value: string, name: string): boolean | number | string[] {
  if (value === 'false') return false
  if (value === 'true') return true
  if (/^[0-9]+$/.test(value)) return Number(value)
  return listOf(name, value)
}

/** What the configuration is when nothing is set. */
export const defaults: Config = loadConfig({})
