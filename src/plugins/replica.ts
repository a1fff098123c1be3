// A read replica that keeps itself current over HTTP: every REPLICATE_INTERVAL_S it asks
// the primary's GET /v1/snapshot with the version it serves in If-None-Match (a 304
// while nothing changed), downloads a new copy next to its database file, checks it
// (its bytes hash to the announced version, the length is complete, PRAGMA
// integrity_check, its latest migration is this server's) and swaps it in between two
// requests (see replaceDatabase in plugins/database.ts). A copy that fails a check is
// discarded and the previous one keeps being served. The version served is reported in
// X-Data-Version on every response and in /ready.
import { createWriteStream, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream } from 'node:stream/web'
import Sqlite from 'better-sqlite3'
import fp from 'fastify-plugin'
import { appliedMigration, type Migration } from '../db/schema-version.js'
import { fileVersion } from '../routes/snapshot.js'

export interface ReplicaOptions {
  /** The primary's base URL. */
  from: string
  /** A replicate-scoped API key of the primary. */
  key: string
  intervalMs: number
  databasePath: string
  /** This server's schema version (its latest migration). */
  schema: Migration
  /** How long one download may take, in ms. */
  timeoutMs?: number
  fetch?: typeof fetch
}

export interface ReplicaState {
  /** The data version of the copy served (the primary's snapshot ETag), null before the first. */
  dataVersion: string | null
  /** When the primary last confirmed or sent the copy. */
  syncedAt: string | null
  /** Why the last poll brought no new copy, null when it succeeded. */
  lastError: string | null
  /** One poll now (the interval runs it too); true when a new copy was swapped in. */
  poll: () => Promise<boolean>
}

declare module 'fastify' {
  interface FastifyInstance {
    replica: ReplicaState | null
  }
}

/** Checks a downloaded copy; throws with the reason it must not be served. */
export function checkCopy (file: string, expected: { version: string, size: number | null, schema: Migration }): void {
  const size = statSync(file).size
  if (expected.size !== null && size !== expected.size) throw new Error(`truncated copy: ${size} of ${expected.size} bytes`)
  const version = fileVersion(file)
  if (version !== expected.version) throw new Error(`the copy's bytes hash to ${version}, not to the announced ${expected.version}`)
  const copy = new Sqlite(file, { readonly: true, fileMustExist: true })
  try {
    const integrity = copy.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new Error(`the copy fails PRAGMA integrity_check: ${String(integrity)}`)
    const applied = appliedMigration(copy)
    if (applied !== expected.schema.when) throw new Error(`the copy's schema (migration of ${String(applied)}) is not this server's (${expected.schema.tag})`)
  } finally {
    copy.close()
  }
}

export default fp<ReplicaOptions>(async function replica (app, options) {
  const doFetch = options.fetch ?? fetch
  const versionFile = `${options.databasePath}.version`
  const download = `${options.databasePath}.download`
  const state: ReplicaState = {
    dataVersion: existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : null,
    syncedAt: null,
    lastError: null,
    poll: async () => await attempt()
  }
  app.decorate('replica', state)
  app.addHook('onRequest', (_request, reply, done) => {
    if (state.dataVersion !== null) reply.header('x-data-version', state.dataVersion)
    done()
  })

  const url = new URL('/v1/snapshot', options.from)
  const abort = new AbortController()

  /** One poll: true when a new copy was swapped in. */
  async function sync (): Promise<boolean> {
    const headers: Record<string, string> = { authorization: `Bearer ${options.key}` }
    if (state.dataVersion !== null) headers['if-none-match'] = `"${state.dataVersion}"`
    const signal = AbortSignal.any([abort.signal, AbortSignal.timeout(options.timeoutMs ?? 60_000)])
    const response = await doFetch(url, { headers, signal })
    if (response.status === 304) {
      await response.body?.cancel()
      state.syncedAt = new Date().toISOString()
      return false
    }
    if (response.status !== 200 || response.body === null) {
      await response.body?.cancel()
      throw new Error(`${url.href} answered ${response.status}`)
    }
    const schema = response.headers.get('x-schema-version')
    if (schema !== options.schema.tag) {
      await response.body.cancel()
      throw new Error(`the primary's schema is ${String(schema)}, this server's ${options.schema.tag}: upgrade both to the same version`)
    }
    const version = response.headers.get('x-data-version') ?? ''
    const length = response.headers.get('content-length')
    rmSync(download, { force: true })
    try {
      await pipeline(Readable.fromWeb(response.body as ReadableStream<Uint8Array>), createWriteStream(download))
      checkCopy(download, { version, size: length === null ? null : Number(length), schema: options.schema })
      // Synchronous from here: no request runs while the connection is replaced.
      app.replaceDatabase(download)
    } finally {
      rmSync(download, { force: true })
    }
    writeFileSync(versionFile, `${version}\n`)
    state.dataVersion = version
    state.syncedAt = new Date().toISOString()
    app.log.info({ dataVersion: version }, 'replica: new copy of the primary in service')
    return true
  }

  // One poll at a time: a poll asked for while one runs shares its outcome.
  let running: Promise<boolean> | undefined
  function attempt (): Promise<boolean> {
    running ??= tryOnce().finally(() => { running = undefined })
    return running
  }

  async function tryOnce (): Promise<boolean> {
    try {
      const swapped = await sync()
      state.lastError = null
      return swapped
    } catch (error) {
      if (abort.signal.aborted) return false
      state.lastError = error instanceof Error ? error.message : String(error)
      app.log.warn({ err: error, from: options.from }, 'replica: no new copy; the previous one stays in service')
      return false
    }
  }

  let timer: NodeJS.Timeout | undefined
  const wait = (ms: number) => new Promise<void>((resolve) => { timer = setTimeout(resolve, ms) })
  // A replica with no copy yet waits for its first one before it starts serving.
  while (state.dataVersion === null && !abort.signal.aborted) {
    if (!await attempt()) await wait(options.intervalMs)
  }
  let stopped = false
  const loop = async () => {
    await attempt()
    if (!stopped) timer = setTimeout(() => { void loop() }, options.intervalMs)
  }
  app.addHook('onReady', async () => { timer = setTimeout(() => { void loop() }, options.intervalMs) })
  app.addHook('onClose', async () => {
    stopped = true
    abort.abort()
    clearTimeout(timer)
  })
}, { name: 'replica', dependencies: ['database'] })
