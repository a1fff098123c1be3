// npm run test:soak — load and crash. (1) SOAK_SECONDS (default 60) of mixed reads and
// writes at 64 connections with autocannon on loopback: no errors, and every
// acknowledged write is readable afterwards. (2) A stream of writes is cut by kill -9;
// after a restart every acknowledged write is there and nothing is half-written.
// Ends with "soak: N passed, N failed".
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFlags } from '../lib/start-command.js'
import Sqlite from 'better-sqlite3'
import autocannon from 'autocannon'

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60)
const PORT = Number(process.env.SOAK_PORT ?? 18520)
const SOURCE = 'insidethegames-2019-01-23-bach-welcomes-alibaba'
let passed = 0
let failed = 0
function check (name: string, ok: boolean, detail = ''): void {
  if (ok) { passed++; console.log(`ok - ${name}`) } else { failed++; console.log(`not ok - ${name}${detail === '' ? '' : `: ${detail}`}`) }
}

const dir = mkdtempSync(join(tmpdir(), 'soak-'))
const env = { DATABASE_PATH: join(dir, 'api.db'), PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0', MAX_EVENT_LOOP_DELAY_MS: '0' }
const base = `http://127.0.0.1:${PORT}`
const body = (id: string) => JSON.stringify({ id, name: `Soak ${id}`, country: 'CH', headquarters: null, industry: null, website: null, description: null, sources: [SOURCE] })

function startServer (): ChildProcess {
  return spawn(process.execPath, [...startFlags(), 'dist/server.js'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] })
}
async function ready (): Promise<void> {
  for (let i = 0; i < 1200; i++) { // up to 60 s: a loaded CI machine starts slowly
    try { if ((await fetch(`${base}/ready`)).ok) return } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('the server did not become ready')
}

async function main (): Promise<void> {
  if (spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' }).status !== 0) throw new Error('build failed')
  const key = spawnSync(process.execPath, ['dist/cli/keys.js', 'create', '--name', 'soak', '--scope', 'write'], { env: { ...process.env, ...env }, encoding: 'utf8' }).stdout.trim().split('\n').at(-1) ?? ''
  let server = startServer()
  await ready()

  // 1. Mixed load.
  const acknowledged: string[] = []
  let n = 0
  const result = await autocannon({
    url: base,
    connections: 64,
    duration: SECONDS,
    requests: [
      { method: 'GET', path: '/v1/sponsors?limit=20' },
      { method: 'GET', path: '/v1/contracts?activeOn=2019-01-23' },
      {
        method: 'POST',
        path: '/v1/sponsors',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        setupRequest: (request: Record<string, unknown>) => ({ ...request, body: body(`soak-${process.pid}-${n++}`) }),
        onResponse: (status: number, responseBody: string) => {
          if (status === 201) acknowledged.push((JSON.parse(responseBody) as { id: string }).id)
        }
      },
      { method: 'GET', path: '/v1/search?q=soak' },
      { method: 'GET', path: '/v1/sponsors/alibaba-group' }
    ]
  } as never)
  console.log(`load: ${result.requests.total} requests in ${SECONDS} s, ${acknowledged.length} writes acknowledged, errors ${result.errors}, non-2xx ${result.non2xx}, timeouts ${result.timeouts}`)
  check('no errors, timeouts or non-2xx answers under load', result.errors === 0 && result.non2xx === 0 && result.timeouts === 0)
  check('writes were acknowledged', acknowledged.length > 0)
  let missing = 0
  for (const id of acknowledged) if ((await fetch(`${base}/v1/sponsors/${id}`)).status !== 200) missing++
  check('every acknowledged write is readable', missing === 0, `${missing} missing`)

  // 2. kill -9 in the middle of a write stream.
  const streamed: string[] = []
  let stop = false
  const writer = (async () => {
    for (let i = 0; !stop; i++) {
      const id = `crash-${i}`
      try {
        const res = await fetch(`${base}/v1/sponsors`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body(id) })
        if (res.status === 201) streamed.push(id)
      } catch { return }
    }
  })()
  await new Promise((r) => setTimeout(r, 1500))
  server.kill('SIGKILL')
  stop = true
  await writer
  await new Promise<void>((r) => { if (server.exitCode !== null || server.signalCode !== null) r(); else server.once('exit', () => { r() }) })
  check('writes were acknowledged before the kill', streamed.length > 0, `${streamed.length}`)
  server = startServer()
  await ready()
  let lost = 0
  for (const id of streamed) if ((await fetch(`${base}/v1/sponsors/${id}`)).status !== 200) lost++
  check('every acknowledged write survives kill -9', lost === 0, `${lost} lost of ${streamed.length}`)
  server.kill('SIGTERM')
  await new Promise<void>((r) => { server.once('exit', () => { r() }) })
  const db = new Sqlite(env.DATABASE_PATH, { readonly: true })
  const partial = (db.prepare("select count(*) as n from sponsors s where (s.id like 'crash-%' or s.id like 'soak-%') and (not exists (select 1 from sponsor_sources l where l.sponsor_id = s.id) or not exists (select 1 from search_docs d where d.type = 'sponsor' and d.ref_id = s.id) or not exists (select 1 from changes c where c.record_id = s.id))").get() as { n: number }).n
  check('no write is half-done (sources, search document and audit entry with every sponsor)', partial === 0, `${partial} partial`)
  check('integrity_check passes', db.pragma('integrity_check', { simple: true }) === 'ok')
  db.close()
}

main().catch((error: unknown) => {
  check('the soak test ran', false, error instanceof Error ? error.message : String(error))
}).finally(() => {
  rmSync(dir, { recursive: true, force: true })
  console.log(`soak: ${passed} passed, ${failed} failed`)
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1
})
