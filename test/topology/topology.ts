// npm run test:topology — the replicated topology of deploy/ run natively on loopback
// ports, no containers: Debian's nginx with deploy/nginx.conf (host names, ports and
// paths substituted), one primary, two replicas that copy it over HTTP through a small
// proxy this test controls (to hand them corrupt or truncated snapshots). Proves: a
// write through nginx reaches the primary and is readable through nginx within the sync
// interval; a replica killed with kill -9 during a read load costs no failed request;
// with the primary down reads are served and writes get a 503 problem; a replica handed
// a bad snapshot keeps serving its copy. Prints the nginx cache hit ratio and the
// replication lag. Ends with "topology: N passed, N failed".
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const BASE = Number(process.env.TOPOLOGY_PORT ?? 19400)
const PORTS = { nginx: BASE, primary: BASE + 1, replica1: BASE + 2, replica2: BASE + 3, tamper: BASE + 4 }
const INTERVAL_S = 1
const MAX_AGE_S = 1
const DEADLINE = Date.now() + Number(process.env.TOPOLOGY_TIMEOUT_S ?? 240) * 1000
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx'
const dir = mkdtempSync(join(tmpdir(), 'sponsors-topology-'))
const children = new Map<string, ChildProcess>()
let passed = 0
let failed = 0

function check (name: string, ok: boolean, detail = ''): void {
  if (ok) passed++
  else failed++
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${detail === '' ? '' : ` (${detail})`}`)
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const url = (name: keyof typeof PORTS, path: string) => `http://127.0.0.1:${PORTS[name]}${path}`

async function get (target: string, headers: Record<string, string> = {}): Promise<{ status: number, headers: Headers, body: string }> {
  const response = await fetch(target, { headers, signal: AbortSignal.timeout(10_000) })
  return { status: response.status, headers: response.headers, body: await response.text() }
}

async function waitFor (what: string, probe: () => Promise<boolean>, ms = 60_000): Promise<boolean> {
  const until = Math.min(Date.now() + ms, DEADLINE)
  while (Date.now() < until) {
    try { if (await probe()) return true } catch { /* not yet */ }
    await sleep(100)
  }
  console.log(`# gave up waiting for ${what}`)
  return false
}

function ensureNginx (): boolean {
  if (existsSync(NGINX)) return true
  console.log('--- installing nginx (Debian)')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  spawnSync('apt-get', ['install', '-y', '-qq', 'nginx'], { stdio: 'inherit', env })
  return existsSync(NGINX)
}

function startServer (name: 'primary' | 'replica1' | 'replica2', env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(PORTS[name]),
      DATABASE_PATH: join(dir, `${name}.db`),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '0',
      // This shared 2-core machine runs other suites at once: load shedding would turn
      // its stalls into 503s that say nothing about the topology.
      MAX_EVENT_LOOP_DELAY_MS: '0',
      TRUST_PROXY: '1',
      CACHE_CONTROL: `public, max-age=${MAX_AGE_S}`,
      REPLICATE_KEY_FILE: join(dir, 'replicate.key'),
      ...env
    },
    // Logs (warnings: refused copies, load shedding) go to a file, shown on failure.
    stdio: ['ignore', openSync(join(dir, `${name}.log`), 'a'), openSync(join(dir, `${name}.log`), 'a')]
  })
  children.set(name, child)
  return child
}

const startReplica = (name: 'replica1' | 'replica2') => startServer(name, {
  READ_ONLY: 'true',
  PRIMARY_URL: url('nginx', ''),
  REPLICATE_FROM: url('tamper', ''),
  REPLICATE_INTERVAL_S: String(INTERVAL_S)
})

function kill (name: string, signal: NodeJS.Signals): Promise<void> {
  const child = children.get(name)
  children.delete(name)
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => { child.once('exit', () => { resolve() }); child.kill(signal) })
}

// Between the replicas and the primary: passes snapshots through, or spoils them.
let tamper: 'pass' | 'corrupt' | 'corrupt-rehashed' | 'truncate' = 'pass'
function startTamperProxy (): Promise<Server> {
  const server = createServer((req, res) => {
    const upstream = httpRequest({ host: '127.0.0.1', port: PORTS.primary, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = []
      answer.on('data', (chunk: Buffer) => chunks.push(chunk))
      answer.on('end', () => {
        let body = Buffer.concat(chunks)
        const headers = { ...answer.headers }
        if (answer.statusCode === 200 && req.url === '/v1/snapshot' && tamper !== 'pass') {
          if (tamper === 'truncate') {
            // Announces the full length, sends half, then hangs up.
            res.writeHead(200, headers)
            res.write(body.subarray(0, body.length >> 1))
            res.destroy()
            return
          }
          body = Buffer.from(body)
          body.fill(0x5a, 4096, Math.min(body.length, 12_288))
          if (tamper === 'corrupt-rehashed') {
            // A copy whose announced version matches its (corrupt) bytes: only the
            // replica's integrity check can catch it.
            headers['x-data-version'] = createHash('sha256').update(body).digest('base64url').slice(0, 32)
            headers.etag = `"${String(headers['x-data-version'])}"`
          }
        }
        res.writeHead(answer.statusCode ?? 502, headers)
        res.end(body)
      })
    })
    upstream.on('error', () => { res.writeHead(502).end() })
    req.pipe(upstream)
  })
  return new Promise((resolve) => server.listen(PORTS.tamper, '127.0.0.1', () => { resolve(server) }))
}

function nginxConfig (): string {
  let conf = readFileSync(resolve('deploy/nginx.conf'), 'utf8')
  const swap = (from: string, to: string) => {
    if (!conf.includes(from)) throw new Error(`deploy/nginx.conf no longer has "${from}"`)
    conf = conf.split(from).join(to)
  }
  swap('listen 80;', `listen 127.0.0.1:${PORTS.nginx};`)
  swap('server replica1:3000', `server 127.0.0.1:${PORTS.replica1}`)
  swap('server replica2:3000', `server 127.0.0.1:${PORTS.replica2}`)
  swap('server primary:3000', `server 127.0.0.1:${PORTS.primary}`)
  swap('/var/cache/nginx/api', join(dir, 'nginx-cache'))
  swap('/var/log/nginx/access.log', join(dir, 'access.log'))
  swap('/var/log/nginx/error.log', join(dir, 'error.log'))
  swap('http {\n', `http {\n  client_body_temp_path ${dir}/tmp/body;\n  proxy_temp_path ${dir}/tmp/proxy;\n  fastcgi_temp_path ${dir}/tmp/fastcgi;\n  uwsgi_temp_path ${dir}/tmp/uwsgi;\n  scgi_temp_path ${dir}/tmp/scgi;\n`)
  return conf
}

function startNginx (): ChildProcess {
  mkdirSync(join(dir, 'tmp'), { recursive: true })
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig())
  const child = spawn(NGINX, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-g', `daemon off; pid ${join(dir, 'nginx.pid')};${process.getuid?.() === 0 ? ' user root;' : ''}`], { stdio: ['ignore', 'inherit', 'inherit'] })
  children.set('nginx', child)
  return child
}

/** Reads through nginx from `clients` loops until `stop`; counts answers and failures. */
function readLoad (clients: number, headers: Record<string, string>, stop: () => boolean) {
  const paths = ['/v1/sponsors', '/v1/sponsors?limit=5', '/v1/contracts?limit=50', '/v1/categories', '/v1/games', '/v1/meetings?limit=10', '/v1/sponsors/alibaba-group', '/v1/search?q=cloud']
  const stats = { requests: 0, failures: 0, hits: 0, statuses: new Map<string, number>() }
  const loops = Array.from({ length: clients }, async (_, n) => {
    for (let i = n; !stop(); i++) {
      let outcome: string
      try {
        const response = await fetch(url('nginx', paths[i % paths.length] ?? '/v1/sponsors'), { headers, signal: AbortSignal.timeout(10_000) })
        await response.arrayBuffer()
        outcome = String(response.status)
        if (response.headers.get('x-cache-status') === 'HIT') stats.hits++
      } catch (error) {
        outcome = error instanceof Error ? error.name : 'error'
      }
      stats.requests++
      if (outcome !== '200') stats.failures++
      stats.statuses.set(outcome, (stats.statuses.get(outcome) ?? 0) + 1)
    }
  })
  return { stats, done: Promise.all(loops) }
}

async function main (): Promise<void> {
  check('nginx is installed (Debian)', ensureNginx())
  const tamperProxy = await startTamperProxy()
  try {
    console.log('--- primary, two replicas, nginx')
    startServer('primary', {})
    check('the primary is ready', await waitFor('primary', async () => (await get(url('primary', '/ready'))).status === 200))
    const keyOut = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', 'create', '--name', 'topology', '--scope', 'write'], { env: { ...process.env, DATABASE_PATH: join(dir, 'primary.db') }, encoding: 'utf8' })
    const writeKey = keyOut.stdout.trim().split('\n').at(-1) ?? ''
    check('a write key made on the primary', /^tk_/.test(writeKey), keyOut.stderr.trim())
    check('the primary made the replicate key file', existsSync(join(dir, 'replicate.key')))
    startReplica('replica1')
    startReplica('replica2')
    for (const name of ['replica1', 'replica2'] as const) {
      check(`${name} is ready with a copy`, await waitFor(name, async () => {
        const ready = await get(url(name, '/ready'))
        return ready.status === 200 && typeof (JSON.parse(ready.body) as { dataVersion?: string }).dataVersion === 'string'
      }))
    }
    startNginx()
    check('nginx answers', await waitFor('nginx', async () => (await get(url('nginx', '/health'))).status === 200))

    console.log('--- a write through nginx, read back through nginx')
    const authorization = { authorization: `Bearer ${writeKey}` }
    const before = await get(url('nginx', '/v1/sponsors?limit=100'))
    const written = Date.now()
    const created = await fetch(url('nginx', '/v1/sponsors'), {
      method: 'POST',
      headers: { ...authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'topology-test', name: 'Topology Test', country: 'CH', headquarters: null, industry: null, website: null, description: null, sources: ['insidethegames-2019-01-23-bach-welcomes-alibaba'] })
    })
    check('the write through nginx reaches the primary (201)', created.status === 201, `status ${created.status}: ${(await created.text()).slice(0, 200)}`)
    check('reads go to replicas (X-Data-Version)', before.headers.get('x-data-version') !== null)
    let lag = -1
    const seen = await waitFor('the write through nginx', async () => {
      const read = await get(url('nginx', '/v1/sponsors?limit=100'))
      if (read.status === 200 && read.body.includes('"topology-test"')) { lag = Date.now() - written; return true }
      return false
    }, 30_000)
    // The interval plus max-age, with a margin for this shared, loaded machine.
    const bound = (INTERVAL_S + MAX_AGE_S) * 1000 + Number(process.env.TOPOLOGY_SLACK_MS ?? 10_000)
    check('the write is readable through nginx within the sync interval + max-age', seen && lag <= bound, `${lag} ms, bound ${bound} ms`)
    console.log(`# replication lag (write through nginx until readable through nginx): ${lag} ms (REPLICATE_INTERVAL_S=${INTERVAL_S}, max-age=${MAX_AGE_S})`)

    console.log('--- kill -9 a replica during a read load')
    let stopping = false
    const cached = readLoad(4, {}, () => stopping)
    // A key makes nginx bypass its cache, so these reach the replicas.
    const uncached = readLoad(4, authorization, () => stopping)
    await sleep(1500)
    const victim = children.get('replica1')
    await kill('replica1', 'SIGKILL')
    check('replica1 died of SIGKILL', victim?.signalCode === 'SIGKILL')
    await sleep(2500)
    stopping = true
    await Promise.all([cached.done, uncached.done])
    const summary = (s: typeof cached.stats) => [...s.statuses].map(([k, v]) => `${k}: ${v}`).join(', ')
    check('no failed request while a replica dies (uncached reads)', uncached.stats.failures === 0 && uncached.stats.requests > 0, `${uncached.stats.requests} requests; ${summary(uncached.stats)}`)
    check('no failed request while a replica dies (cached reads)', cached.stats.failures === 0 && cached.stats.requests > 0, `${cached.stats.requests} requests; ${summary(cached.stats)}`)
    const ratio = cached.stats.requests === 0 ? 0 : cached.stats.hits / cached.stats.requests
    console.log(`# nginx cache hit ratio (public reads, max-age=${MAX_AGE_S}): ${(ratio * 100).toFixed(1)}% of ${cached.stats.requests}`)
    check('nginx serves public reads from its cache', cached.stats.hits > 0)
    startReplica('replica1')
    check('replica1 restarts on its copy', await waitFor('replica1 again', async () => (await get(url('replica1', '/ready'))).status === 200))

    console.log('--- bad snapshots')
    const served = (await get(url('replica2', '/ready'))).headers.get('x-data-version')
    for (const mode of ['corrupt', 'corrupt-rehashed', 'truncate'] as const) {
      tamper = mode
      const id = `bad-${mode}`
      const write = await fetch(url('nginx', '/v1/sponsors'), {
        method: 'POST',
        headers: { ...authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ id, name: id, country: 'CH', headquarters: null, industry: null, website: null, description: null, sources: ['insidethegames-2019-01-23-bach-welcomes-alibaba'] })
      })
      await write.arrayBuffer()
      await sleep((INTERVAL_S * 3 + 1) * 1000)
      const read = await get(url('replica2', '/v1/sponsors/alibaba-group'))
      const missing = await get(url('replica2', `/v1/sponsors/${id}`))
      check(`a ${mode} snapshot is refused: replica2 keeps serving its copy`, write.status === 201 && read.status === 200 && read.headers.get('x-data-version') === served && missing.status === 404,
        `write ${write.status}, read ${read.status}, version ${String(read.headers.get('x-data-version'))} vs ${String(served)}, new record ${missing.status}`)
    }
    tamper = 'pass'
    check('with good snapshots again, replica2 catches up', await waitFor('catch-up', async () => (await get(url('replica2', '/v1/sponsors/bad-truncate'))).status === 200, 15_000))

    console.log('--- the primary down')
    await kill('primary', 'SIGTERM')
    const read = await get(url('nginx', '/v1/sponsors/alibaba-group'))
    const uncachedRead = await get(url('nginx', '/v1/contracts?limit=3'), authorization)
    check('reads are still served', read.status === 200 && uncachedRead.status === 200, `${read.status}, ${uncachedRead.status}`)
    const write = await fetch(url('nginx', '/v1/sponsors'), { method: 'POST', headers: { ...authorization, 'content-type': 'application/json' }, body: '{}' })
    const problem = await write.text()
    let parsed: { status?: number, type?: string } = {}
    try { parsed = JSON.parse(problem) as typeof parsed } catch { /* checked below */ }
    check('a write gets a 503 problem', write.status === 503 && write.headers.get('content-type') === 'application/problem+json' && parsed.status === 503 && parsed.type === '/problems/service-unavailable', `${write.status} ${String(write.headers.get('content-type'))} ${problem.slice(0, 160)}`)
    const direct = await get(url('replica2', '/v1/sponsors/alibaba-group'))
    check('the replicas keep serving the copy they have', direct.status === 200)
  } finally {
    await Promise.all([...children.keys()].map(async (name) => { await kill(name, name === 'nginx' ? 'SIGQUIT' : 'SIGTERM') }))
    tamperProxy.close()
    if (failed > 0) {
      for (const file of readdirSync(dir).filter((name) => name.endsWith('.log') && name !== 'access.log')) {
        console.log(`# --- ${file}\n${readFileSync(join(dir, file), 'utf8').split('\n').slice(-15).join('\n')}`)
      }
    }
    rmSync(dir, { recursive: true, force: true })
  }
}

const guard = setTimeout(() => {
  console.log('not ok - the topology test ran out of time')
  for (const child of children.values()) child.kill('SIGKILL')
  console.log(`topology: ${passed} passed, ${failed + 1} failed`)
  process.exit(1)
}, DEADLINE - Date.now())
guard.unref()

main().catch((error: unknown) => {
  failed++
  console.log(`not ok - ${error instanceof Error ? error.stack ?? error.message : String(error)}`)
}).finally(() => {
  console.log(`topology: ${passed} passed, ${failed} failed`)
  process.exit(failed === 0 && passed > 0 ? 0 : 1)
})
