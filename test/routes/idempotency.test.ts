import t from 'tap'
import { build, dataset, keyFor, source, TODAY } from '../helper.js'

const data = dataset({ sources: [source('news')] })
const body = (name: string) => ({ name, country: 'US', headquarters: null, industry: null, website: null, description: null, sources: ['news'] })
const count = (api: Awaited<ReturnType<typeof build>>) => api.app.sqlite.prepare("select count(*) from sponsors where name like 'Acme%'").pluck().get()

t.test('the same POST twice with one key makes one record and replays the first answer', async (t) => {
  const api = await build(t, { seed: data })
  const { headers } = keyFor(api)
  const keyed = { ...headers, 'idempotency-key': 'retry-1' }
  const first = await api.request({ method: 'POST', url: '/v1/sponsors', headers: keyed, payload: body('Acme') })
  t.equal(first.status, 201)
  t.equal(first.headers['idempotent-replayed'], 'false')
  const again = await api.request({ method: 'POST', url: '/v1/sponsors', headers: keyed, payload: { ...body('Acme'), sources: ['news'] } })
  t.equal(again.status, 201, 'replayed')
  t.equal(again.headers['idempotent-replayed'], 'true')
  t.equal(again.headers.location, first.headers.location)
  t.equal(again.headers.etag, first.headers.etag)
  t.same(again.body, first.body)
  t.equal(count(api), 1, 'one record')

  const reordered = { sources: ['news'], description: null, website: null, industry: null, headquarters: null, country: 'US', name: 'Acme' }
  t.equal((await api.request({ method: 'POST', url: '/v1/sponsors', headers: keyed, payload: reordered })).headers['idempotent-replayed'], 'true', 'key order does not matter')

  const other = await api.request({ method: 'POST', url: '/v1/sponsors', headers: keyed, payload: body('Acme Two') })
  t.equal(other.status, 422)
  t.equal(other.body.code, 'IDEMPOTENCY_KEY_REUSED')
  const elsewhere = await api.request({ method: 'POST', url: '/v1/sources', headers: keyed, payload: { title: 'T', publisher: null, url: 'https://example.org/t', publishedOn: null } })
  t.equal(elsewhere.status, 422, 'another path is refused too')
  t.match(elsewhere.body.detail, 'POST /v1/sponsors')

  const plain = await api.request({ method: 'POST', url: '/v1/sponsors', headers, payload: body('Acme') })
  t.equal(plain.status, 409, 'without a key, a second create is a duplicate')
  t.equal(plain.headers['idempotent-replayed'], undefined)
})

t.test('keys belong to one API key', async (t) => {
  const api = await build(t, { seed: data })
  const one = keyFor(api, 'write', 'one').headers
  const two = keyFor(api, 'write', 'two').headers
  t.equal((await api.request({ method: 'POST', url: '/v1/sponsors', headers: { ...one, 'idempotency-key': 'k' }, payload: body('Acme') })).status, 201)
  const second = await api.request({ method: 'POST', url: '/v1/sponsors', headers: { ...two, 'idempotency-key': 'k' }, payload: body('Acme Other') })
  t.equal(second.status, 201, 'another API key may use the same Idempotency-Key')
  t.equal(second.headers['idempotent-replayed'], 'false')
})

t.test('failed writes are replayed; validation failures do not claim the key', async (t) => {
  const api = await build(t, { seed: data })
  const { headers } = keyFor(api)
  const keyed = { ...headers, 'idempotency-key': 'k409' }
  t.equal((await api.request({ method: 'POST', url: '/v1/sponsors', headers, payload: body('Acme') })).status, 201)
  const dup = await api.request({ method: 'POST', url: '/v1/sponsors', headers: keyed, payload: body('ACME') })
  t.equal(dup.status, 409)
  api.app.sqlite.prepare("delete from sponsors where name = 'Acme'").run()
  const replay = await api.request({ method: 'POST', url: '/v1/sponsors', headers: keyed, payload: body('ACME') })
  t.equal(replay.status, 409, 'the stored 409 is replayed even though the conflict is gone')
  t.equal(replay.headers['idempotent-replayed'], 'true')
  t.same(replay.body, dup.body)

  const invalid = { ...headers, 'idempotency-key': 'k400' }
  t.equal((await api.request({ method: 'POST', url: '/v1/sponsors', headers: invalid, payload: { name: '' } })).status, 400)
  t.equal((await api.request({ method: 'POST', url: '/v1/sponsors', headers: invalid, payload: body('Acme Fixed') })).status, 201, 'the corrected body may use the same key')

  const bad = await api.request({ method: 'POST', url: '/v1/sponsors', headers: { ...headers, 'idempotency-key': 'has space' }, payload: body('Acme 3') })
  t.equal(bad.status, 400, 'the key is printable ASCII without spaces')
})

t.test('a key still in progress is a 409', async (t) => {
  const api = await build(t, { seed: data })
  const { id, headers } = keyFor(api)
  api.app.sqlite.prepare("insert into idempotency_keys (api_key_id, key, method, path, request_hash, created_at) values (?, 'busy', 'POST', '/v1/sponsors', ?, ?)")
    .run(id, 'x', api.app.clock.now())
  const busy = await api.request({ method: 'POST', url: '/v1/sponsors', headers: { ...headers, 'idempotency-key': 'busy' }, payload: body('Acme') })
  t.equal(busy.status, 422, 'another body: reused')
  const hash = api.app.sqlite.prepare("select request_hash from idempotency_keys where key = 'busy'").pluck().get()
  t.equal(hash, 'x')
  api.app.sqlite.prepare("delete from idempotency_keys where key = 'busy'").run()
  // Claim the key with the right hash by sending once, then mark it unfinished.
  t.equal((await api.request({ method: 'POST', url: '/v1/sponsors', headers: { ...headers, 'idempotency-key': 'busy' }, payload: body('Acme') })).status, 201)
  api.app.sqlite.prepare("update idempotency_keys set status = null where key = 'busy'").run()
  const running = await api.request({ method: 'POST', url: '/v1/sponsors', headers: { ...headers, 'idempotency-key': 'busy' }, payload: body('Acme') })
  t.equal(running.status, 409)
  t.equal(running.body.code, 'IDEMPOTENCY_KEY_IN_PROGRESS')
})

t.test('keys expire after 24 hours by the app clock', async (t) => {
  let now = `${TODAY}T12:00:00.000Z`
  const api = await build(t, { seed: data, clock: { today: () => now.slice(0, 10), now: () => now } })
  const { headers } = keyFor(api)
  const keyed = { ...headers, 'idempotency-key': 'day' }
  t.equal((await api.request({ method: 'POST', url: '/v1/sponsors', headers: keyed, payload: body('Acme') })).status, 201)
  now = `${TODAY}T23:59:00.000Z`
  t.equal((await api.request({ method: 'POST', url: '/v1/sponsors', headers: keyed, payload: body('Acme') })).headers['idempotent-replayed'], 'true', 'within 24 h')
  now = new Date(Date.parse(`${TODAY}T12:00:00.000Z`) + 24 * 3_600_000 + 1000).toISOString()
  const late = await api.request({ method: 'POST', url: '/v1/sponsors', headers: keyed, payload: body('Acme') })
  t.equal(late.status, 409, 'after 24 h the key is new again: the request runs (and is a duplicate)')
  t.equal(late.body.code, 'DUPLICATE_RECORD')
  t.equal(api.app.sqlite.prepare('select count(*) from idempotency_keys').pluck().get(), 1, 'the expired row was purged')
})
