// npm run bench:profile — where a cache-off request's CPU goes, in the API and in the bare
// route that sends the same bytes (test/bench/bare-server.ts), measured with Linux perf
// (Debian's linux-perf, installed here when missing) while wrk loads one URL. Each sample
// is charged to one place by its call stack: the socket write (the kernel's writev, which
// or write, which on loopback also deliver the bytes to wrk), SQLite (better-sqlite3's native code, and
// the file-lock system calls it makes), the ETag's SHA-1, garbage collection, the C
// library (malloc and memcpy, whose callers perf often cannot see), other kernel time,
// and everything else — JavaScript, V8 and Node's C++ (Fastify, the hooks,
// the handler, HTTP). It prints each place's share and its CPU µs per request.
//
// V8's own profiler (`node --cpu-prof`) cannot do this: it charges the time of a native
// call to the JavaScript frame that made it, so better-sqlite3's `get` looked like 29% of
// one sponsor's CPU (with its idle time) where perf counts about 12% for SQLite's own code
// and a quarter for the socket write; the rest of that call is V8 and Node making its values.
//
// Environment: PROFILE_DB (default data/bench/bench-1000.db, made by `npm run bench`),
// PROFILE_SECONDS sampled per server and URL (default 8), BENCH_CONNECTIONS (default 50),
// BENCH_PORT (the first of two ports, default 19511). URLs are the arguments; by default
// the four reads.
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { startFlags } from '../lib/start-command.js'
import { startBare } from './responses.js'
import { ready, start, stopAll } from './servers.js'
import { ensureDebian, ensureWrk, wrk } from './wrk.js'

const DB = resolve(process.env.PROFILE_DB ?? 'data/bench/bench-1000.db')
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 8)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const PORT = Number(process.env.BENCH_PORT ?? 19511)
const FREQUENCY = 2999
const URLS = process.argv.slice(2).length > 0
  ? process.argv.slice(2)
  : ['/v1/sponsors/alibaba-group', '/v1/sponsors?limit=20', '/v1/contracts?activeOn=2020-07-24&limit=20', '/v1/search?q=happiness%20health']
const PLACES = ['socket write (kernel)', 'SQLite (native code and its system calls)', 'ETag SHA-1', 'garbage collection', 'C library: malloc, memcpy (SQLite\'s or Node\'s)', 'other kernel time', 'JavaScript, V8 and Node (Fastify, hooks, handler, HTTP)'] as const
type Place = typeof PLACES[number]

/**
 * perf drops kernel samples without a word for a user other than root when
 * kernel.perf_event_paranoid is above 1: the socket write would then read as zero.
 */
function ensureKernelSamples (): void {
  const paranoid = Number(readFileSync('/proc/sys/kernel/perf_event_paranoid', 'utf8'))
  if (paranoid > 1 && process.getuid?.() !== 0) throw new Error(`kernel.perf_event_paranoid is ${paranoid}: run as root, or sysctl kernel.perf_event_paranoid=1, or perf loses the kernel's samples`)
}

/** Whether a binary perf names is the kernel or one of its modules ("[kernel.kallsyms]", "[nf_conntrack]"). */
const inKernel = (dso: string): boolean => dso.startsWith('[') && dso !== '[vdso]' && dso !== '[unknown]' && !dso.startsWith('[JIT')

/** The place one sample is charged to, from its frames (leaf first) and their binaries. */
function placeOf (frames: Array<{ symbol: string, dso: string }>): Place {
  // writev when a response goes out in pieces, write when it is one buffer: both end in tcp_sendmsg.
  if (frames.some((f) => /^(tcp_sendmsg|do_writev|__x64_sys_writev)/.test(f.symbol))) return 'socket write (kernel)'
  // SQLite's file locks and size checks: nearly all the fcntl and fstat calls a running server makes.
  if (frames.some((f) => f.dso.includes('better_sqlite3') || /^(__x64_sys_fcntl|__do_sys_newfstatat)/.test(f.symbol))) return 'SQLite (native code and its system calls)'
  if (frames.some((f) => /OneShotDigest|sha1_block/.test(f.symbol))) return 'ETag SHA-1'
  const leaf = frames[0]
  if (leaf !== undefined && /Scavenge|MarkCompact|Heap::|GCTracer|ConcurrentMarking/.test(leaf.symbol)) return 'garbage collection'
  // The C library has no frame pointers: its callers are often lost, so it is its own place.
  if (leaf?.dso.includes('libc.so') === true) return 'C library: malloc, memcpy (SQLite\'s or Node\'s)'
  if (leaf !== undefined && inKernel(leaf.dso)) return 'other kernel time'
  return 'JavaScript, V8 and Node (Fastify, hooks, handler, HTTP)'
}

/** Counts perf's samples by place, reading `perf script` as it prints. */
async function samplesByPlace (data: string): Promise<Map<Place, number>> {
  const counts = new Map<Place, number>(PLACES.map((place) => [place, 0]))
  const script = spawn('perf', ['script', '-i', data, '-F', 'ip,sym,dso'], { stdio: ['ignore', 'pipe', 'ignore'] })
  let frames: Array<{ symbol: string, dso: string }> = []
  const flush = () => {
    if (frames.length > 0) {
      const place = placeOf(frames)
      counts.set(place, (counts.get(place) ?? 0) + 1)
    }
    frames = []
  }
  for await (const line of createInterface({ input: script.stdout })) {
    const match = /^\s*[0-9a-f]+\s+(.*?)\s+\((.*)\)\s*$/.exec(line)
    if (match === null) { flush(); continue }
    frames.push({ symbol: match[1] ?? '', dso: match[2] ?? '' })
  }
  flush()
  const status = script.exitCode ?? await new Promise<number | null>((r) => { script.once('exit', r) })
  if (status !== 0) throw new Error(`perf script -i ${data} failed (${status})`)
  if ([...counts.values()].every((n) => n === 0)) throw new Error(`perf recorded no samples in ${data}`)
  return counts
}

/** A process's CPU time so far (user and system), in seconds, from /proc. */
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100)
function cpuSeconds (pid: number): number {
  // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) / TICKS
}

/** Samples one server's CPU while wrk loads a URL; the places' shares and µs per request. */
async function profile (pid: number, url: string, dir: string): Promise<{ rps: number, perRequest: Map<Place, number>, share: Map<Place, number> }> {
  await wrk(url, 1, CONNECTIONS)
  const data = join(dir, 'perf.data')
  const load = wrk(url, SECONDS + 2, CONNECTIONS)
  await new Promise((r) => setTimeout(r, 1000))
  const before = cpuSeconds(pid)
  const record = spawnSync('perf', ['record', '-F', String(FREQUENCY), '-g', '-p', String(pid), '-o', data, '--', 'sleep', String(SECONDS)], { stdio: 'ignore' })
  const used = cpuSeconds(pid) - before
  const { rps, errors } = await load
  if (record.status !== 0) throw new Error(`perf record -p ${pid} failed (${record.status})`)
  if (!Number.isFinite(rps) || errors > 0) throw new Error(`${url}: wrk saw ${errors} errors (${rps} req/s)`)
  const counts = await samplesByPlace(data)
  const total = [...counts.values()].reduce((a, b) => a + b, 0)
  // Shares from the samples; µs from the CPU time the process used while perf sampled it
  // (not from the sampling rate, which the kernel may lower).
  const share = new Map(PLACES.map((place) => [place, (counts.get(place) ?? 0) / total]))
  const perRequest = new Map(PLACES.map((place) => [place, (share.get(place) ?? 0) * used / (rps * SECONDS) * 1e6]))
  return { rps, perRequest, share }
}

async function main (): Promise<void> {
  ensureWrk()
  ensureDebian('perf', 'linux-perf')
  ensureKernelSamples()
  if (!existsSync(DB)) throw new Error(`${DB} is missing: run BENCH_SIZES=1000 npm run bench (or npm run db:generate-large) first`)
  if (spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' }).status !== 0) throw new Error('build failed')
  const db = join(dir, 'profile.db')
  copyFileSync(DB, db)
  const api = start(process.execPath, [...startFlags(), 'dist/server.js'], { DATABASE_PATH: db, HOST: '127.0.0.1', PORT: String(PORT), LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0', MAX_EVENT_LOOP_DELAY_MS: '0', RESPONSE_CACHE_ENTRIES: '0' })
  await ready(api, `http://127.0.0.1:${PORT}/ready`)
  const { bare } = await startBare(`http://127.0.0.1:${PORT}`, URLS, join(dir, 'responses.json'), PORT + 1)

  console.log(`# bench:profile: ${DB}, response cache off, wrk -t1 -c${CONNECTIONS}, perf at ${FREQUENCY} Hz for ${SECONDS} s per server and URL, ${new Date().toISOString()}`)
  for (const path of URLS) {
    const a = await profile(api.pid ?? 0, `http://127.0.0.1:${PORT}${path}`, dir)
    const b = await profile(bare.pid ?? 0, `http://127.0.0.1:${PORT + 1}${path}`, dir)
    const sum = (m: Map<Place, number>) => [...m.values()].reduce((x, y) => x + y, 0)
    console.log(`\n${path}: API ${a.rps.toFixed(0)} req/s, bare ${b.rps.toFixed(0)} req/s (${(a.rps / b.rps).toFixed(2)}); CPU per request ${sum(a.perRequest).toFixed(1)} µs against ${sum(b.perRequest).toFixed(1)} µs\n`)
    console.log(`| ${'where'.padEnd(56)} | API share | API µs/req | bare share | bare µs/req |`)
    console.log(`|${'-'.repeat(58)}|----------:|-----------:|-----------:|------------:|`)
    for (const place of PLACES) {
      const pct = (m: Map<Place, number>) => `${((m.get(place) ?? 0) * 100).toFixed(1)}%`
      console.log(`| ${place.padEnd(56)} | ${pct(a.share).padStart(9)} | ${(a.perRequest.get(place) ?? 0).toFixed(1).padStart(10)} | ${pct(b.share).padStart(10)} | ${(b.perRequest.get(place) ?? 0).toFixed(1).padStart(11)} |`)
    }
  }
}

const dir = mkdtempSync(join(tmpdir(), 'profile-'))
try {
  await main()
} finally {
  stopAll()
  rmSync(dir, { recursive: true, force: true })
}
