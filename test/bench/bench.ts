// npm run bench — throughput and latency of the API against a bare Fastify route that
// sends the very same bytes and the very same headers (a fixed X-Request-Id of the same
// length), measured in one run as ratios (never as timed tests: this machine is shared
// and noisy). Load comes from Debian's wrk (`wrk -t1`, written in C: it leaves the
// servers more of the cores than autocannon), installed here when missing.
// For each database size it starts the API on a generated database and, query by query,
// alternates API and baseline (A/B/A/B after a warm-up): first with the response cache
// on (a cache hit), then on a second server with the cache off (the first read after a
// write, or any distinct URL). It prints req/s, p50/p99, errors and API/bare, the time
// from spawn to /ready, the peak RSS under load, each query's p99 at the largest size
// over its p99 at the smallest (at 50 connections and, cache off, at one), and the API
// against json-server.
// Environment: BENCH_SIZES (default 1000,100000), BENCH_DURATION seconds per round
// (default 3), BENCH_ROUNDS A/B pairs (default 2), BENCH_CONNECTIONS (default 50),
// BENCH_ONLY (a comma-separated list of query names, to look at a few), BENCH_PORT (the
// first of the four ports it listens on, default 19501), BENCH_NODE_FLAGS (Node flags
// for the API; default those of package.json's start script, empty for none).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startFlags } from '../lib/start-command.js'
import { startBare } from './responses.js'
import { ready, start, stop, stopAll } from './servers.js'
import { ensureWrk, wrk, type Result } from './wrk.js'

const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map(Number)
const DURATION = Number(process.env.BENCH_DURATION ?? 3)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const ONLY = process.env.BENCH_ONLY?.split(',')
/** Node's flags for the API: those of package.json's start script (the Dockerfile's CMD has the same); BENCH_NODE_FLAGS tries others. */
const NODE_FLAGS = process.env.BENCH_NODE_FLAGS === undefined ? startFlags() : process.env.BENCH_NODE_FLAGS.split(' ').filter((flag) => flag !== '')
const DIR = resolve('data/bench')
// perf's port range (README; BENCH_PORT moves it): API with the cache, the same without, bare, json-server.
const PORT = Number(process.env.BENCH_PORT ?? 19501)
const PORTS = { api: PORT, cold: PORT + 1, bare: PORT + 2, json: PORT + 3 }

/** The benchmarked reads: the issue's list plus the filters users reach for. */
function queriesFor (size: number): Array<[string, string]> {
  const half = Math.floor(size / 2)
  const all: Array<[string, string]> = [
    ['one sponsor', '/v1/sponsors/alibaba-group'],
    ['20-item sponsor list', '/v1/sponsors?limit=20'],
    ['sponsors country=JP', '/v1/sponsors?country=JP&limit=20'],
    ['sponsors status=active', '/v1/sponsors?status=active&limit=20'],
    ['contracts activeOn', '/v1/contracts?activeOn=2020-07-24&limit=20'],
    ['contracts status=active', '/v1/contracts?status=active'],
    ['contracts activeOn+category', `/v1/contracts?activeOn=2010-06-01&category=gen-category-${half}`],
    ['search happiness health', '/v1/search?q=happiness%20health'],
    ['search pacific motors', '/v1/search?q=pacific%20motors&limit=20'],
    ['category holders', '/v1/categories/cloud-services/holders?on=2024-07-26']
  ]
  return ONLY === undefined ? all : all.filter(([name]) => ONLY.includes(name))
}

function peakRssMb (pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid ?? 0}/status`, 'utf8')
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024
}

function mean (values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1)
}

const col = (value: string | number, width: number, digits = 0) =>
  (typeof value === 'number' ? value.toFixed(digits) : value).padStart(width)

/** A/B/A/B rounds of one query against the API and the bare route; prints one row. */
async function compare (name: string, apiUrl: string, bareUrl: string): Promise<{ ratio: number, p99: number }> {
  await wrk(apiUrl, 1, CONNECTIONS)
  await wrk(bareUrl, 1, CONNECTIONS)
  const a: Result[] = []
  const b: Result[] = []
  for (let round = 0; round < ROUNDS; round++) {
    a.push(await wrk(apiUrl, DURATION, CONNECTIONS))
    b.push(await wrk(bareUrl, DURATION, CONNECTIONS))
  }
  const apiRps = mean(a.map((r) => r.rps))
  const bareRps = mean(b.map((r) => r.rps))
  const p99 = mean(a.map((r) => r.p99))
  const errors = [...a, ...b].reduce((n, r) => n + r.errors, 0)
  console.log(`| ${name.padEnd(28)} | ${col(apiRps, 9)} | ${col(bareRps, 10)} | ${col(apiRps / bareRps, 5, 2)} | ${col(mean(a.map((r) => r.p50)), 7, 2)} | ${col(p99, 7, 2)} | ${col(mean(b.map((r) => r.p99)), 8, 2)} | ${col(errors, 6)} |`)
  return { ratio: apiRps / bareRps, p99 }
}

/**
 * One query's latency on one connection (ROUNDS rounds after a warm-up), printed as a row:
 * the time a request takes without waiting behind others. At 50 connections a saturated
 * server's p99 is mostly waiting: Fastify's own response time stays under a millisecond
 * while wrk's p99 reaches hundreds (BENCHMARKS.md, "Cache-off p99 on one connection").
 */
async function alone (name: string, url: string): Promise<number> {
  await wrk(url, 1, 1)
  const runs: Result[] = []
  for (let round = 0; round < ROUNDS; round++) runs.push(await wrk(url, DURATION, 1))
  const p99 = mean(runs.map((r) => r.p99))
  const errors = runs.reduce((n, r) => n + r.errors, 0)
  console.log(`| ${name.padEnd(28)} | ${col(mean(runs.map((r) => r.rps)), 9)} | ${col(mean(runs.map((r) => r.p50)), 7, 2)} | ${col(p99, 7, 2)} | ${col(errors, 6)} |`)
  return p99
}

function header (title: string): void {
  if (title !== '') console.log(`\n${title}\n`)
  console.log(`| ${'query'.padEnd(28)} | ${'API req/s'.padStart(9)} | ${'bare req/s'.padStart(10)} | ${'ratio'.padStart(5)} | ${'API p50'.padStart(7)} | ${'API p99'.padStart(7)} | ${'bare p99'.padStart(8)} | ${'errors'.padStart(6)} |`)
  console.log(`|${'-'.repeat(30)}|${'-'.repeat(10)}:|${'-'.repeat(11)}:|${'-'.repeat(6)}:|${'-'.repeat(8)}:|${'-'.repeat(8)}:|${'-'.repeat(9)}:|${'-'.repeat(7)}:|`)
}

async function main (): Promise<void> {
  ensureWrk()
  mkdirSync(DIR, { recursive: true })
  console.log(`# bench: sizes ${SIZES.join(', ')}, ${ROUNDS}×(A,B) rounds of ${DURATION} s, wrk -t1 -c${CONNECTIONS}, node ${[process.version, ...NODE_FLAGS].join(' ')}, ${new Date().toISOString()}`)
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) throw new Error('build failed')

  const p99BySize = new Map<number, Map<string, number>>()
  const coldP99BySize = new Map<number, Map<string, number>>()
  const aloneP99BySize = new Map<number, Map<string, number>>()
  const summary: string[] = []
  for (const size of SIZES) {
    const file = join(DIR, `bench-${size}.db`)
    if (!existsSync(file)) {
      const made = spawnSync('npm', ['run', '--silent', 'db:generate-large', '--', '--sponsors', String(size), '--out', file], { stdio: ['ignore', 'inherit', 'inherit'] })
      if (made.status !== 0) throw new Error('generating the database failed')
    }
    const queries = queriesFor(size)
    const env = { DATABASE_PATH: file, HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0', MAX_EVENT_LOOP_DELAY_MS: '0' }
    const api = start(process.execPath, [...NODE_FLAGS, 'dist/server.js'], { ...env, PORT: String(PORTS.api) })
    const startup = await ready(api, `http://127.0.0.1:${PORTS.api}/ready`)

    const { responses, bare } = await startBare(`http://127.0.0.1:${PORTS.api}`, queries.map(([, path]) => path), join(DIR, `responses-${size}.json`), PORTS.bare)

    console.log(`\n## ${size} sponsors, ${size * 3} contracts, ${Math.floor(size / 2)} meetings — API ready ${startup.toFixed(0)} ms from spawn`)
    header('### Cache hit (response cache on, repeated URL)')
    const p99s = new Map<string, number>()
    const hitRatios = new Map<string, number>()
    for (const [name, path] of queries) {
      const { ratio, p99 } = await compare(name, `http://127.0.0.1:${PORTS.api}${path}`, `http://127.0.0.1:${PORTS.bare}${path}`)
      p99s.set(name, p99)
      hitRatios.set(name, ratio)
    }
    p99BySize.set(size, p99s)
    const hitRss = peakRssMb(api.pid)
    await stop(api)

    // The same reads with the response cache off: what a first read after a write costs.
    const cold = start(process.execPath, [...NODE_FLAGS, 'dist/server.js'], { ...env, PORT: String(PORTS.cold), RESPONSE_CACHE_ENTRIES: '0' })
    const coldStartup = await ready(cold, `http://127.0.0.1:${PORTS.cold}/ready`)
    for (const [, path] of queries) {
      const response = await fetch(`http://127.0.0.1:${PORTS.cold}${path}`)
      const body = await response.text()
      if (body !== responses[path]?.body) throw new Error(`${path}: the cache-off server answered other bytes`)
    }
    header(`### Cache off (RESPONSE_CACHE_ENTRIES=0; ready ${coldStartup.toFixed(0)} ms from spawn)`)
    const coldP99s = new Map<string, number>()
    const coldRatios = new Map<string, number>()
    for (const [name, path] of queries) {
      const { ratio, p99 } = await compare(name, `http://127.0.0.1:${PORTS.cold}${path}`, `http://127.0.0.1:${PORTS.bare}${path}`)
      coldP99s.set(name, p99)
      coldRatios.set(name, ratio)
    }
    coldP99BySize.set(size, coldP99s)
    console.log('\n### Cache off, one connection (`wrk -t1 -c1`): latency without queueing\n')
    console.log(`| ${'query'.padEnd(28)} | ${'API req/s'.padStart(9)} | ${'API p50'.padStart(7)} | ${'API p99'.padStart(7)} | ${'errors'.padStart(6)} |`)
    console.log(`|${'-'.repeat(30)}|${'-'.repeat(10)}:|${'-'.repeat(8)}:|${'-'.repeat(8)}:|${'-'.repeat(7)}:|`)
    const aloneP99s = new Map<string, number>()
    for (const [name, path] of queries) aloneP99s.set(name, await alone(name, `http://127.0.0.1:${PORTS.cold}${path}`))
    aloneP99BySize.set(size, aloneP99s)
    const coldRss = peakRssMb(cold.pid)
    console.log(`\nPeak RSS under load: ${hitRss.toFixed(0)} MB (cache on), ${coldRss.toFixed(0)} MB (cache off).`)
    await stop(cold)
    summary.push(`| ${size} | ${startup.toFixed(0)} / ${coldStartup.toFixed(0)} ms | ${hitRss.toFixed(0)} / ${coldRss.toFixed(0)} MB | ${[...hitRatios.values()].map((r) => r.toFixed(2)).join(' ')} | ${[...coldRatios.values()].map((r) => r.toFixed(2)).join(' ')} |`)

    if (size === SIZES[0] && ONLY === undefined) {
      // json-server serving the same sponsors (as they read in the API) from a db.json.
      const cached = start(process.execPath, [...NODE_FLAGS, 'dist/server.js'], { ...env, PORT: String(PORTS.api) })
      await ready(cached, `http://127.0.0.1:${PORTS.api}/ready`)
      const all: unknown[] = []
      let cursor: string | null = null
      do {
        const page = await (await fetch(`http://127.0.0.1:${PORTS.api}/v1/sponsors?limit=100${cursor === null ? '' : `&cursor=${cursor}`}`)).json() as { data: unknown[], meta: { nextCursor: string | null } }
        all.push(...page.data)
        cursor = page.meta.nextCursor
      } while (cursor !== null)
      const dbFile = join(DIR, `json-server-${size}.json`)
      writeFileSync(dbFile, JSON.stringify({ sponsors: all }))
      const jsonServer = start(process.execPath, ['node_modules/json-server/lib/cli/bin.js', '--port', String(PORTS.json), '--host', '127.0.0.1', '--quiet', dbFile], {})
      await ready(jsonServer, `http://127.0.0.1:${PORTS.json}/sponsors?_limit=1`)
      console.log('\n### json-server 0.17 serving the same sponsors (`/sponsors?_limit=20` against `/v1/sponsors?limit=20`, cache on): "bare" is json-server\n')
      header('')
      await compare('API / json-server', `http://127.0.0.1:${PORTS.api}/v1/sponsors?limit=20`, `http://127.0.0.1:${PORTS.json}/sponsors?_limit=20`)
      await stop(jsonServer)
      await stop(cached)
    }
    await stop(bare)
  }

  if (SIZES.length > 1) {
    const small = SIZES[0] ?? 0
    const large = SIZES[SIZES.length - 1] ?? 0
    console.log(`\n## p99 at ${large} sponsors ÷ p99 at ${small} sponsors\n`)
    console.log(`| ${'query'.padEnd(28)} | cache hit | cache off | cache off, one connection |`)
    console.log(`|${'-'.repeat(30)}|----------:|----------:|--------------------------:|`)
    const ratio = (bySize: Map<number, Map<string, number>>, name: string) =>
      (bySize.get(large)?.get(name) ?? Number.NaN) / (bySize.get(small)?.get(name) ?? Number.NaN)
    for (const name of p99BySize.get(large)?.keys() ?? []) {
      console.log(`| ${name.padEnd(28)} | ${col(ratio(p99BySize, name), 9, 2)} | ${col(ratio(coldP99BySize, name), 9, 2)} | ${col(ratio(aloneP99BySize, name), 25, 2)} |`)
    }
  }
  console.log('\n## Summary: ready (cache on / off), peak RSS (cache on / off), API/bare ratios in query order\n')
  console.log('| sponsors | ready | peak RSS | cache hit ratios | cache off ratios |')
  console.log('|---:|---:|---:|---|---|')
  for (const line of summary) console.log(line)
}

main().catch((error: unknown) => {
  console.error(error)
  stopAll()
  process.exit(1)
})
