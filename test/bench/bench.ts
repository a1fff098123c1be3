// npm run bench — throughput and latency of the API against a bare Fastify route that
// sends the very same bytes, measured in one run as ratios (never as timed tests: this
// machine is shared and noisy). For each database size it starts the API on a generated
// database, A/B/A/B-alternates API and baseline after a warm-up, and prints req/s,
// p50/p99 latency, errors and API/bare; then p99 large/small per query, peak RSS,
// start-up time, and the API against json-server serving the same sponsors.
// Environment: BENCH_SIZES (default 1000,100000), BENCH_DURATION seconds per round
// (default 5), BENCH_ROUNDS A/B pairs (default 2), BENCH_CONNECTIONS (default 50).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import autocannon from 'autocannon'

const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map(Number)
const DURATION = Number(process.env.BENCH_DURATION ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DIR = resolve('data/bench')

interface Result { rps: number, p50: number, p99: number, errors: number }

async function freePort (): Promise<number> {
  return await new Promise((resolvePort) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => { resolvePort(typeof address === 'object' && address !== null ? address.port : 0) })
    })
  })
}

async function waitFor (url: string, timeoutMs = 30_000): Promise<number> {
  const started = performance.now()
  while (performance.now() - started < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return performance.now() - started
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`${url} did not answer`)
}

function start (command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] })
  return child
}

async function stop (child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  await new Promise<void>((r) => { child.once('exit', () => { r() }); child.kill('SIGTERM') })
}

function peakRssMb (pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid ?? 0}/status`, 'utf8')
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024
}

async function load (url: string, duration: number): Promise<Result> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, pipelining: 1 })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts }
}

function mean (values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1)
}

function fmt (n: number, digits = 0): string {
  return n.toFixed(digits).padStart(8)
}

async function main (): Promise<void> {
  mkdirSync(DIR, { recursive: true })
  console.log(`# bench: sizes ${SIZES.join(', ')}, ${ROUNDS}×(A,B) rounds of ${DURATION} s, ${CONNECTIONS} connections, node ${process.version}`)
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) throw new Error('build failed')

  const p99BySize = new Map<number, Map<string, number>>()
  const coldP99BySize = new Map<number, Map<string, number>>()
  for (const size of SIZES) {
    const file = join(DIR, `bench-${size}.db`)
    if (!existsSync(file)) {
      const made = spawnSync('npm', ['run', '--silent', 'db:generate-large', '--', '--sponsors', String(size), '--out', file], { stdio: ['ignore', 'inherit', 'inherit'] })
      if (made.status !== 0) throw new Error('generating the database failed')
    }
    const half = Math.floor(size / 2)
    const queries: Array<[string, string]> = [
      ['one sponsor by id', `/v1/sponsors/gen-sponsor-${half}`],
      ['20-item sponsor list', '/v1/sponsors?limit=20&country=JP'],
      ['contracts activeOn+category', `/v1/contracts?activeOn=2010-06-01&category=gen-category-${half}`],
      ['search', '/v1/search?q=pacific%20motors&limit=20'],
      ['category holders on a date', `/v1/categories/gen-category-${half}/holders?on=2010-06-01`]
    ]

    const apiPort = await freePort()
    const api = start(process.execPath, ['dist/server.js'], {
      DATABASE_PATH: file, PORT: String(apiPort), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0', MAX_EVENT_LOOP_DELAY_MS: '0'
    })
    const startup = await waitFor(`http://127.0.0.1:${apiPort}/ready`)

    const responses: Record<string, { contentType: string, body: string }> = {}
    for (const [, path] of queries) {
      const response = await fetch(`http://127.0.0.1:${apiPort}${path}`)
      if (!response.ok) throw new Error(`${path} answered ${response.status}`)
      responses[path] = { contentType: response.headers.get('content-type') ?? 'application/json', body: await response.text() }
    }
    const responsesFile = join(DIR, `responses-${size}.json`)
    writeFileSync(responsesFile, JSON.stringify(responses))
    const barePort = await freePort()
    const bare = start(process.execPath, ['--import', 'tsx', 'test/bench/bare-server.ts', responsesFile], { PORT: String(barePort) })
    await waitFor(`http://127.0.0.1:${barePort}${queries[0]?.[1] ?? '/'}`)

    console.log(`\n## ${size} sponsors, ${size * 3} contracts, ${Math.floor(size / 2)} meetings — API ready in ${startup.toFixed(0)} ms`)
    console.log(`${'query'.padEnd(30)} ${'API req/s'.padStart(9)} ${'bare req/s'.padStart(10)} ${'ratio'.padStart(6)} ${'API p50'.padStart(8)} ${'API p99'.padStart(8)} ${'bare p99'.padStart(8)} ${'errors'.padStart(7)}`)
    const p99s = new Map<string, number>()
    for (const [name, path] of queries) {
      await load(`http://127.0.0.1:${apiPort}${path}`, 2)
      await load(`http://127.0.0.1:${barePort}${path}`, 2)
      const a: Result[] = []
      const b: Result[] = []
      for (let round = 0; round < ROUNDS; round++) {
        a.push(await load(`http://127.0.0.1:${apiPort}${path}`, DURATION))
        b.push(await load(`http://127.0.0.1:${barePort}${path}`, DURATION))
      }
      const apiRps = mean(a.map((r) => r.rps))
      const bareRps = mean(b.map((r) => r.rps))
      const p99 = mean(a.map((r) => r.p99))
      p99s.set(name, p99)
      const errors = a.reduce((n, r) => n + r.errors, 0) + b.reduce((n, r) => n + r.errors, 0)
      console.log(`${name.padEnd(30)} ${fmt(apiRps).padStart(9)} ${fmt(bareRps).padStart(10)} ${fmt(apiRps / bareRps, 2).padStart(6)} ${fmt(mean(a.map((r) => r.p50)), 1)} ${fmt(p99, 1)} ${fmt(mean(b.map((r) => r.p99)), 1)} ${String(errors).padStart(7)}`)
    }
    p99BySize.set(size, p99s)
    console.log(`peak RSS of the API: ${peakRssMb(api.pid).toFixed(0)} MB`)

    // The same queries with the response cache off: what the database work costs.
    const coldPort = await freePort()
    const cold = start(process.execPath, ['dist/server.js'], {
      DATABASE_PATH: file, PORT: String(coldPort), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0', MAX_EVENT_LOOP_DELAY_MS: '0', RESPONSE_CACHE_ENTRIES: '0'
    })
    await waitFor(`http://127.0.0.1:${coldPort}/ready`)
    console.log(`${'uncached (cache off)'.padEnd(30)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`)
    const coldP99s = new Map<string, number>()
    for (const [name, path] of queries) {
      await load(`http://127.0.0.1:${coldPort}${path}`, 1)
      const r = await load(`http://127.0.0.1:${coldPort}${path}`, DURATION)
      coldP99s.set(name, r.p99)
      console.log(`${name.padEnd(30)} ${fmt(r.rps).padStart(9)} ${fmt(r.p50, 1)} ${fmt(r.p99, 1)}`)
    }
    coldP99BySize.set(size, coldP99s)
    await stop(cold)

    if (size === SIZES[0]) {
      // json-server serving the same sponsors (as they read in the API) from a db.json.
      const all: unknown[] = []
      let cursor: string | null = null
      do {
        const page = await (await fetch(`http://127.0.0.1:${apiPort}/v1/sponsors?limit=100${cursor === null ? '' : `&cursor=${cursor}`}`)).json() as { data: unknown[], meta: { nextCursor: string | null } }
        all.push(...page.data)
        cursor = page.meta.nextCursor
      } while (cursor !== null)
      const dbFile = join(DIR, `json-server-${size}.json`)
      writeFileSync(dbFile, JSON.stringify({ sponsors: all }))
      const jsonPort = await freePort()
      const jsonServer = start(process.execPath, ['node_modules/json-server/lib/cli/bin.js', '--port', String(jsonPort), '--host', '127.0.0.1', '--quiet', dbFile], {})
      await waitFor(`http://127.0.0.1:${jsonPort}/sponsors?_limit=1`)
      await load(`http://127.0.0.1:${jsonPort}/sponsors?_limit=20`, 2)
      await load(`http://127.0.0.1:${apiPort}/v1/sponsors?limit=20`, 2)
      const js: Result[] = []
      const ours: Result[] = []
      for (let round = 0; round < ROUNDS; round++) {
        ours.push(await load(`http://127.0.0.1:${apiPort}/v1/sponsors?limit=20`, DURATION))
        js.push(await load(`http://127.0.0.1:${jsonPort}/sponsors?_limit=20`, DURATION))
      }
      const jsRps = mean(js.map((r) => r.rps))
      const ourRps = mean(ours.map((r) => r.rps))
      console.log(`json-server, 20 sponsors: ${jsRps.toFixed(0)} req/s (p99 ${mean(js.map((r) => r.p99)).toFixed(1)} ms); API, 20 sponsors: ${ourRps.toFixed(0)} req/s (p99 ${mean(ours.map((r) => r.p99)).toFixed(1)} ms); API/json-server ${(ourRps / jsRps).toFixed(1)}×`)
      await stop(jsonServer)
    }
    await stop(bare)
    await stop(api)
  }

  if (SIZES.length > 1) {
    const small = p99BySize.get(SIZES[0] ?? 0)
    const large = p99BySize.get(SIZES[SIZES.length - 1] ?? 0)
    const coldSmall = coldP99BySize.get(SIZES[0] ?? 0)
    const coldLarge = coldP99BySize.get(SIZES[SIZES.length - 1] ?? 0)
    console.log(`\n## p99 at ${SIZES[SIZES.length - 1]} sponsors / p99 at ${SIZES[0]} sponsors`)
    console.log(`${'query'.padEnd(30)} ${'cached'.padStart(8)} ${'uncached'.padStart(9)}`)
    for (const [name, p99] of large ?? []) {
      const coldRatio = (coldLarge?.get(name) ?? 0) / (coldSmall?.get(name) ?? 1)
      console.log(`${name.padEnd(30)} ${(p99 / (small?.get(name) ?? p99)).toFixed(2).padStart(8)} ${coldRatio.toFixed(2).padStart(9)}`)
    }
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
