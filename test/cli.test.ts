// The processes a user runs: db:migrate, db:seed and the server itself.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import t, { type Test } from 'tap'

// Child processes run outside tap's coverage: their tsx-compiled sources map
// differently and would blur the in-process figures.
const childEnv = Object.fromEntries(Object.entries(process.env)
  .filter(([key]) => !['NODE_V8_COVERAGE', 'NODE_OPTIONS'].includes(key) && !/^_?TAP/.test(key)))

function tsx (script: string, env: Record<string, string>, args: string[] = []) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...childEnv, ...env }, encoding: 'utf8' })
}

function tempDir (t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'sponsors-cli-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

t.test('db:migrate and db:seed', async (t) => {
  const dir = tempDir(t)
  const env = { DATABASE_PATH: join(dir, 'nested', 'api.db') }
  const migrate = tsx('src/cli/migrate.ts', env)
  t.equal(migrate.status, 0, migrate.stderr)
  t.match(migrate.stdout, /^migrated .*api\.db$/m)
  for (const run of [1, 2]) {
    const seed = tsx('src/cli/seed.ts', env)
    t.equal(seed.status, 0, seed.stderr)
    t.match(seed.stdout, /^read sponsors\.json: \d+ records$/m, `run ${run}: progress per file`)
    // One count per resource, in load order (each after those it refers to).
    const summary = /^seeded .*api\.db: (.*)$/m.exec(seed.stdout)?.[1] ?? ''
    t.same(summary.split(', ').map((part) => part.replace(/^\d+ /, '')).sort(), ['categories', 'contracts', 'facts', 'games', 'meetings', 'programmes', 'sources', 'sponsors'], `run ${run}: summary`)
    t.match(summary, /^(\d+ [a-z]+)(, \d+ [a-z]+)*$/, `run ${run}: counts`)
    if (run === 1) {
      t.notMatch(seed.stdout, /^removed /m, 'a new database holds nothing withdrawn')
      // As a database seeded by an earlier release holds it: a meeting the reviewed data withdrew.
      const db = new Sqlite(env.DATABASE_PATH)
      db.prepare("insert into meetings (id, date, city, country, summary) values ('alibaba-wonder-avenue-paris-2024-07', '2024-07', 'Paris', 'FR', 'withdrawn')").run()
      db.close()
    } else {
      t.match(seed.stdout, /^removed meeting "alibaba-wonder-avenue-paris-2024-07" \(withdrawn: seed\/retired\.json\)$/m, 'run 2: a withdrawn record is removed')
      const db = new Sqlite(env.DATABASE_PATH, { readonly: true })
      t.equal(db.prepare("select count(*) from meetings where id = 'alibaba-wonder-avenue-paris-2024-07'").pluck().get(), 0)
      db.close()
    }
  }
  const bad = join(dir, 'bad-seed')
  mkdirSync(bad)
  writeFileSync(join(bad, 'sponsors.json'), JSON.stringify([{ id: 'x', name: 'X', country: 'xx', headquarters: null, industry: null, website: null, description: null, sources: ['s'] }]))
  const failed = tsx('src/cli/seed.ts', env, [bad])
  t.equal(failed.status, 1)
  t.equal(failed.stderr, 'SeedError: seed/sponsors.json: record 0 (id "x"), field /country: must match pattern "^[A-Z]{2}$"\n')
  const config = tsx('src/cli/seed.ts', { ...env, LOG_LEVEL: 'chatty' })
  t.equal(config.status, 1)
  t.match(config.stderr, /^ConfigError: LOG_LEVEL="chatty"/)
})

t.test('db:generate-large writes a consistent synthetic database', async (t) => {
  const dir = tempDir(t)
  const out = join(dir, 'large.db')
  const made = tsx('src/cli/generate-large.ts', {}, ['--sponsors', '40', '--out', out])
  t.equal(made.status, 0, made.stderr)
  t.match(made.stdout, /^wrote .*large\.db: 40 sponsors, 120 contracts, 20 meetings in [\d.]+ s$/m)
  t.match(made.stderr, /contracts +\[#+\] 100% 120\/120/, 'a progress bar')
  const db = new Sqlite(out, { readonly: true })
  t.teardown(() => db.close())
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n
  t.equal(count("select count(*) as n from sponsors where id like 'gen-%'"), 40)
  t.equal(count('select count(*) as n from contracts c where not exists (select 1 from contract_sponsors s where s.contract_id = c.id)'), 0, 'every contract has a sponsor')
  t.same(db.pragma('foreign_key_check'), [], 'no dangling reference')
  t.equal(count("select count(*) as n from search_fts where search_fts match '\"partnership talks\"'"), 20, 'the search index covers the meetings')
  t.equal(tsx('src/cli/generate-large.ts', {}, ['--sponsors', '40', '--out', out]).status, 1, 'never overwrites without --force')
})

interface Server { port: number, logs: string[], exit: Promise<number | null>, kill: (signal: NodeJS.Signals) => void }

async function startServer (t: Test, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env: { ...childEnv, HOST: '127.0.0.1', PORT: '0', ...env } })
  t.teardown(() => { child.kill('SIGKILL') })
  const logs: string[] = []
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => { resolve(code) }))
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      let newline
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        logs.push(line)
        const match = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(line)
        if (match !== null) resolve(Number(match[1]))
      }
    })
    child.stderr.on('data', (chunk: Buffer) => { logs.push(chunk.toString()) })
    void exit.then((code) => { reject(new Error(`server exited ${String(code)}: ${logs.join('\n')}`)) })
  })
  return { port, logs, exit, kill: (signal) => child.kill(signal) }
}

async function waitFor (done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

t.test('keys: create prints the key once, list shows it, revoke stops it', async (t) => {
  const dir = tempDir(t)
  const env = { DATABASE_PATH: join(dir, 'keys.db') }
  const created = tsx('src/cli/keys.ts', env, ['create', '--name', 'curator', '--scope', 'write'])
  t.equal(created.status, 0, created.stderr)
  const lines = created.stdout.trim().split('\n')
  t.match(lines.at(-1), /^tk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/, 'the last line is the key')
  const id = /^created key ([0-9a-f]{16}) "curator" with scope write/.exec(lines[0] ?? '')?.[1]
  t.ok(id)
  const listed = tsx('src/cli/keys.ts', env, ['list'])
  t.match(listed.stdout, new RegExp(`^${id ?? 'x'}\tcurator\twrite\tcreated \\S+\tlast used never\tactive$`, 'm'))
  t.notMatch(listed.stdout, /tk_/, 'the secret is never listed')
  t.equal(tsx('src/cli/keys.ts', env, ['revoke', id ?? '']).status, 0)
  t.match(tsx('src/cli/keys.ts', env, ['list']).stdout, /\trevoked \S+$/m)
  const bad = tsx('src/cli/keys.ts', env, ['create', '--name', 'x', '--scope', 'admin'])
  t.equal(bad.status, 1)
  t.match(bad.stderr, /^UsageError: --scope must be read, write or replicate/)
  t.equal(tsx('src/cli/keys.ts', env, ['revoke', 'nope']).status, 1)
  t.equal(tsx('src/cli/keys.ts', env, []).status, 1)
})

t.test('the server migrates and seeds a new database, serves it and stops cleanly on SIGTERM', async (t) => {
  const dir = tempDir(t)
  const env = { DATABASE_PATH: join(dir, 'api.db'), LOG_LEVEL: 'info' }
  const token = tsx('src/cli/keys.ts', env, ['create', '--name', 'ci', '--scope', 'write']).stdout.trim().split('\n').at(-1) ?? ''
  const first = await startServer(t, env)
  t.ok(first.logs.some((line) => line.includes('new database seeded')), 'seeded on first start')
  const res = await fetch(`http://127.0.0.1:${first.port}/v1/sponsors?country=CN`)
  t.equal(res.status, 200)
  const body = await res.json() as { data: Array<{ id: string, sources: unknown[] }> }
  const alibaba = body.data.find((s) => s.id === 'alibaba-group')
  t.ok(alibaba !== undefined && alibaba.sources.length > 0, 'Alibaba Group with its sources')
  t.match(res.headers.get('x-request-id'), /.+/)
  const docs = await fetch(`http://127.0.0.1:${first.port}/docs/`)
  t.equal(docs.status, 200)

  const write = await fetch(`http://127.0.0.1:${first.port}/v1/sponsors`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'ci-write-check', name: 'CI Write Check', country: 'CH', headquarters: null, industry: null, website: null, description: null, sources: ['insidethegames-2019-01-23-bach-welcomes-alibaba'] })
  })
  t.equal(write.status, 201, 'a key made by the CLI writes through the server')
  t.notOk(first.logs.join('\n').includes(token.slice(20)), 'the key never appears in the logs')

  // A request in flight when SIGTERM arrives still completes. "In flight" means the server
  // has received it: a signal sent before the request reaches the socket races the closing of
  // idle keep-alive connections, which HTTP allows (the client would retry).
  const inFlight = fetch(`http://127.0.0.1:${first.port}/v1/contracts?limit=100`)
  await waitFor(() => first.logs.some((line) => line.includes('incoming request') && line.includes('/v1/contracts?limit=100')))
  first.kill('SIGTERM')
  t.equal((await inFlight).status, 200)
  t.equal(await first.exit, 0, 'exit code 0')
  t.ok(first.logs.some((line) => line.includes('shutting down')))

  const second = await startServer(t, env)
  t.notOk(second.logs.some((line) => line.includes('new database seeded')), 'an existing database is not re-seeded')
  t.equal((await fetch(`http://127.0.0.1:${second.port}/v1/sponsors/ci-write-check`)).status, 200, 'a write survives a restart')
  second.kill('SIGTERM')
  t.equal(await second.exit, 0)
})

t.test('with SHUTDOWN_DELAY_MS, SIGTERM first makes /ready a 503 while everything else is served, then the server closes', async (t) => {
  const dir = tempDir(t)
  const server = await startServer(t, { DATABASE_PATH: join(dir, 'api.db'), LOG_LEVEL: 'info', SHUTDOWN_DELAY_MS: '60000' })
  const base = `http://127.0.0.1:${server.port}`
  t.equal((await fetch(`${base}/ready`)).status, 200)
  server.kill('SIGTERM')
  await waitFor(() => server.logs.some((line) => line.includes('shutdown asked')))
  const ready = await fetch(`${base}/ready`)
  t.equal(ready.status, 503, '/ready tells the load balancer to stop sending')
  t.equal(ready.headers.get('retry-after'), '5')
  t.match(await ready.json(), { code: 'SHUTTING_DOWN', status: 503, type: '/problems/service-unavailable' })
  t.equal((await fetch(`${base}/v1/sponsors/alibaba-group`)).status, 200, 'reads are still served during the delay')
  t.equal((await fetch(`${base}/health`)).status, 200, 'the process is alive')
  // The 60 s delay is not waited for: a second signal ends it.
  server.kill('SIGTERM')
  t.equal(await server.exit, 0, 'exit code 0')
  t.ok(server.logs.some((line) => line.includes('shutting down: draining in-flight requests')))
})

t.test('a bad configuration stops the server with one line', async (t) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env: { ...childEnv, PORT: 'eighty' }, encoding: 'utf8' })
  t.equal(result.status, 1)
  t.equal(result.stderr, 'configuration error: PORT="eighty": must be a whole number\n')
})
