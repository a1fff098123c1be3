// GET /v1/snapshot and the replica that polls it: a replica built on a file copies a
// primary (reached through app.inject instead of the network), serves the copy's data
// version, takes a newer copy between requests and keeps its copy when a download is
// corrupt, truncated or of another schema.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { buildApp, type App } from '../src/app.js'
import { fixedClock } from '../src/lib/clock.js'
import { fileVersion } from '../src/routes/snapshot.js'
import { latestMigration } from '../src/db/schema-version.js'
import { fromPackage } from '../src/lib/package-paths.js'
import { provisionReplicateKey } from '../src/replicate-key.js'
import { build, dataset, keyFor, sponsor, TODAY, type Api } from './helper.js'

const seeded = () => dataset({ sponsors: [sponsor('acme', { name: 'Acme' })] })
const newSponsor = (id: string) => ({ id, name: id, country: 'CH', headquarters: null, industry: null, website: null, description: null, sources: ['src'] })

t.test('the snapshot needs a replicate key and answers a 304 while nothing changed', async (t) => {
  const api = await build(t, { seed: seeded() })
  t.equal((await api.get('/v1/snapshot')).status, 401)
  t.equal((await api.get('/v1/snapshot', keyFor(api, 'write').headers)).status, 403)
  t.equal((await api.get('/v1/snapshot', keyFor(api, 'read').headers)).status, 403)
  const { headers } = keyFor(api, 'replicate')
  const first = await api.app.inject({ url: '/v1/snapshot', headers })
  t.equal(first.statusCode, 200)
  t.equal(first.headers['content-type'], 'application/octet-stream')
  t.equal(first.headers['x-schema-version'], latestMigration(fromPackage('migrations')).tag, 'the newest migration')
  t.equal(first.headers.etag, `"${String(first.headers['x-data-version'])}"`)
  t.equal(Number(first.headers['content-length']), first.rawPayload.length)
  t.equal(first.rawPayload.subarray(0, 15).toString(), 'SQLite format 3')
  const again = await api.get('/v1/snapshot', { ...headers, 'if-none-match': String(first.headers.etag) })
  t.equal(again.status, 304)
  t.equal(again.headers.etag, first.headers.etag)
  const write = await api.request({ method: 'POST', url: '/v1/sponsors', headers: keyFor(api, 'write').headers, payload: newSponsor('newco') })
  t.equal(write.status, 201)
  const after = await api.app.inject({ url: '/v1/snapshot', headers: { ...headers, 'if-none-match': String(first.headers.etag) } })
  t.equal(after.statusCode, 200, 'a write makes a new version')
  t.not(after.headers.etag, first.headers.etag)
})

interface Primary { api: Api, key: string, tamper: (bytes: Buffer, headers: Record<string, string>) => { bytes: Buffer, headers: Record<string, string> } }

/** fetch() answered by the primary app through inject, with an optional tampering step. */
function fetchFrom (primary: Primary): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input instanceof Request ? input.url : input))
    const response = await primary.api.app.inject({ url: url.pathname, headers: init?.headers as Record<string, string> })
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) headers[name] = String(value)
    const out = response.statusCode === 200 ? primary.tamper(response.rawPayload, headers) : { bytes: response.rawPayload, headers }
    return new Response(response.statusCode === 304 ? null : new Uint8Array(out.bytes), { status: response.statusCode, headers: out.headers })
  })
}

async function setup (t: Test): Promise<{ primary: Primary, replica: App }> {
  const api = await build(t, { seed: seeded() })
  const { token } = api.app.repos.keys.create('replica', 'replicate', '2026-06-15T12:00:00.000Z')
  const primary: Primary = { api, key: token, tamper: (bytes, headers) => ({ bytes, headers }) }
  const dir = mkdtempSync(join(tmpdir(), 'replica-test-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  const replica = await buildApp({
    databasePath: join(dir, 'replica.db'),
    clock: fixedClock(TODAY),
    readOnly: true,
    primaryUrl: 'http://primary.test',
    // A long interval: the test polls by hand (replica.poll).
    replicate: { from: 'http://primary.test', key: token, intervalMs: 3_600_000, fetch: fetchFrom(primary) }
  })
  t.teardown(() => replica.close())
  await replica.ready()
  return { primary, replica }
}

t.test('a replica serves a copy of the primary and reports its data version', async (t) => {
  const { primary, replica } = await setup(t)
  const read = await replica.inject({ url: '/v1/sponsors/acme' })
  t.equal(read.statusCode, 200)
  const snapshot = await primary.api.app.inject({ url: '/v1/snapshot', headers: { authorization: `Bearer ${primary.key}` } })
  t.equal(read.headers['x-data-version'], snapshot.headers['x-data-version'])
  const ready = await replica.inject({ url: '/ready' })
  t.equal(ready.json().dataVersion, snapshot.headers['x-data-version'])
  t.equal((await replica.inject({ method: 'POST', url: '/v1/sponsors', payload: newSponsor('x') })).statusCode, 503)
})

t.test('a newer copy is swapped in between requests; a bad one is refused and the old one served', async (t) => {
  const { primary, replica } = await setup(t)
  const sync = async () => await (replica.replica?.poll() ?? Promise.resolve(false))
  t.equal(await sync(), false, 'nothing new: 304')
  const before = replica.replica?.dataVersion
  // A cached read, then a write on the primary.
  t.equal((await replica.inject({ url: '/v1/sponsors' })).json().meta.total, 1)
  const write = await primary.api.request({ method: 'POST', url: '/v1/sponsors', headers: keyFor(primary.api, 'write').headers, payload: newSponsor('newco') })
  t.equal(write.status, 201)

  const bad: Array<[string, Primary['tamper']]> = [
    ['truncated', (bytes, headers) => ({ bytes: bytes.subarray(0, bytes.length >> 1), headers })],
    ['corrupt (announced version wrong)', (bytes, headers) => { const copy = Buffer.from(bytes); copy.fill(7, 4096, 8192); return { bytes: copy, headers } }],
    ['corrupt (announced version of the corrupt bytes)', (bytes, headers) => {
      const copy = Buffer.from(bytes)
      copy.fill(7, 100, copy.length)
      return { bytes: copy, headers: { ...headers, 'x-data-version': versionOfBuffer(copy), 'content-length': String(copy.length) } }
    }],
    ['another schema', (bytes, headers) => ({ bytes, headers: { ...headers, 'x-schema-version': '0099_future' } })]
  ]
  for (const [name, tamper] of bad) {
    primary.tamper = tamper
    t.equal(await sync(), false, `${name}: not taken`)
    t.equal(replica.replica?.dataVersion, before, `${name}: the old copy stays`)
    t.ok(replica.replica?.lastError, `${name}: the reason is kept (${String(replica.replica?.lastError)})`)
    const read = await replica.inject({ url: '/v1/sponsors' })
    t.equal(read.statusCode, 200)
    t.equal(read.json().meta.total, 1, `${name}: still serving the previous copy`)
  }

  primary.tamper = (bytes, headers) => ({ bytes, headers })
  // Requests in flight while the copy is replaced all succeed.
  const inFlight = Array.from({ length: 30 }, (_, i) => replica.inject({ url: i % 2 === 0 ? '/v1/sponsors' : '/v1/sponsors/acme' }))
  const swapped = sync()
  const more = Array.from({ length: 30 }, () => replica.inject({ url: '/v1/sponsors/acme' }))
  t.equal(await swapped, true)
  for (const response of await Promise.all([...inFlight, ...more])) t.equal(response.statusCode, 200)
  t.not(replica.replica?.dataVersion, before)
  t.equal((await replica.inject({ url: '/v1/sponsors' })).json().meta.total, 2, 'the response cache followed the new copy')
  t.equal((await replica.inject({ url: '/v1/sponsors/newco' })).statusCode, 200)
})

function versionOfBuffer (bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'replica-version-'))
  try {
    const file = join(dir, 'x.db')
    writeFileSync(file, bytes)
    return fileVersion(file)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

t.test('a primary makes the replicate key file once, then registers the key it holds', async (t) => {
  const api = await build(t)
  const dir = mkdtempSync(join(tmpdir(), 'replicate-key-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  const file = join(dir, 'key')
  const now = '2026-06-15T12:00:00.000Z'
  t.equal(provisionReplicateKey(api.app.repos.keys, { file }, now), 'created')
  const token = readFileSync(file, 'utf8').trim()
  t.equal(provisionReplicateKey(api.app.repos.keys, { file }, now), 'adopted')
  t.equal(api.app.repos.keys.list().filter((key) => key.scope === 'replicate').length, 1, 'made once')
  t.equal((await api.app.inject({ url: '/v1/snapshot', headers: { authorization: `Bearer ${token}` } })).statusCode, 200, 'the file\'s key fetches snapshots')
  const other = `tk_00000000000000aa_${'b'.repeat(43)}`
  t.equal(provisionReplicateKey(api.app.repos.keys, { token: other }, now), 'adopted')
  t.equal(api.app.repos.keys.verify(other, now).ok, true, 'a given key is registered')
  t.equal(provisionReplicateKey(api.app.repos.keys, {}, now), 'none')
  t.throws(() => provisionReplicateKey(api.app.repos.keys, { token: 'nope' }, now), /not a key this API issues/)
})
