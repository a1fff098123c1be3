import t from 'tap'
import { build, category, contract, dataset, game, keyFor, meeting, source, sponsor } from '../helper.js'

const data = dataset({
  sources: [source('news')],
  games: [game('paris-2024', 2024)],
  categories: [category('cloud', { name: 'Cloud' }), category('drinks', { name: 'Drinks' })],
  sponsors: [sponsor('alibaba', { name: 'Alibaba' }), sponsor('cola', { name: 'Cola' }), sponsor('dairy', { name: 'Dairy' })],
  contracts: [contract('alibaba-top', { sponsors: ['alibaba'], categories: ['cloud'], startsOn: '2017-01', endsOn: '2028' })],
  meetings: [meeting('m1', { sponsors: ['alibaba'] })]
})

const newSponsor = { name: 'Visa Inc.', country: 'US', headquarters: 'Foster City', industry: 'Payments', website: 'https://visa.com/', description: null, sources: ['news'] }
const newContract = (overrides: Record<string, unknown> = {}) => ({
  sponsors: ['cola'], categories: ['drinks'], programme: 'TOP', signedOn: null, startsOn: '2021', endsOn: '2032', games: ['paris-2024'],
  territory: 'worldwide', endedEarly: false, notes: null, sources: ['news'], ...overrides
})

t.test('writes need a write-scoped key; reads stay public', async (t) => {
  const api = await build(t, { seed: data })
  const post = (headers: Record<string, string>) => api.request({ method: 'POST', url: '/v1/sponsors', headers, payload: newSponsor })
  const none = await post({})
  t.equal(none.status, 401)
  t.equal(none.headers['www-authenticate'], 'Bearer realm="olympic-sponsors"')
  t.same(none.body, {
    type: '/problems/unauthorized', title: 'Unauthorized', status: 401,
    detail: 'This operation needs an API key: send "Authorization: Bearer <key>".',
    instance: '/v1/sponsors', code: 'UNAUTHORIZED', requestId: none.headers['x-request-id']
  })
  t.equal((await post({ authorization: 'Basic abc' })).status, 401)
  const forged = await post({ authorization: `Bearer tk_0123456789abcdef_${'a'.repeat(43)}` })
  t.equal(forged.status, 401)
  t.equal(forged.headers['www-authenticate'], 'Bearer realm="olympic-sponsors", error="invalid_token"')
  const reader = keyFor(api, 'read')
  const forbidden = await post(reader.headers)
  t.equal(forbidden.status, 403)
  t.equal(forbidden.body.detail, 'This operation needs a key with the write scope; key "read-key" has read.')
  const writer = keyFor(api, 'write')
  t.equal((await post(writer.headers)).status, 201)
  t.equal((await api.get('/v1/sponsors/visa-inc')).status, 200, 'reads need no key')
})

t.test('a revoked key stops working at once', async (t) => {
  const api = await build(t, { seed: data })
  const writer = keyFor(api)
  const patch = () => api.request({ method: 'PATCH', url: '/v1/sponsors/cola', headers: writer.headers, payload: { industry: 'Drinks' } })
  t.equal((await patch()).status, 200)
  t.ok(api.app.repos.keys.revoke(writer.id, '2026-06-15T13:00:00.000Z'))
  const res = await patch()
  t.equal(res.status, 401)
  t.equal(res.body.detail, 'This API key has been revoked.')
})

t.test('POST creates with 201, Location and ETag; ids come from names and stay unique', async (t) => {
  const api = await build(t, { seed: data })
  const { headers } = keyFor(api)
  const created = await api.request({ method: 'POST', url: '/v1/sponsors', headers, payload: newSponsor })
  t.equal(created.status, 201)
  t.equal(created.headers.location, '/v1/sponsors/visa-inc')
  t.same(created.body, { id: 'visa-inc', ...newSponsor, formerNames: [], status: 'none', sources: [{ id: 'news', title: 'Title of news', url: 'https://example.org/news' }] })
  const read = await api.get('/v1/sponsors/visa-inc')
  t.same(read.body, created.body)
  t.equal(read.headers.etag, created.headers.etag, 'the write answers the ETag a read gives')
  t.equal(created.headers['cache-control'], 'no-store')
  const again = await api.request({ method: 'POST', url: '/v1/sponsors', headers, payload: { ...newSponsor, name: 'Visa  Inc' } })
  t.equal(again.headers.location, '/v1/sponsors/visa-inc-2')
  const accented = await api.request({ method: 'POST', url: '/v1/categories', headers, payload: { name: 'Équipement Audio/Vidéo', description: null, sources: ['news'] } })
  t.equal(accented.body.id, 'equipement-audio-video')
  const given = await api.request({ method: 'POST', url: '/v1/sponsors', headers, payload: { ...newSponsor, name: 'Visa Europe', id: 'visa' } })
  t.equal(given.headers.location, '/v1/sponsors/visa')
  const duplicate = await api.request({ method: 'POST', url: '/v1/sponsors', headers, payload: { ...newSponsor, name: 'Cola Two', id: 'cola' } })
  t.equal(duplicate.status, 409)
  t.equal(duplicate.body.code, 'DUPLICATE_ID')
  t.equal(duplicate.body.detail, 'A sponsor with id "cola" already exists.')
})

t.test('bodies: unknown fields, wrong types, bad values, media type and size', async (t) => {
  const api = await build(t, { seed: data, bodyLimit: 2048 })
  const { headers } = keyFor(api)
  const post = (url: string, payload: unknown, extra: Record<string, string> = {}) => api.request({ method: 'POST', url, headers: { ...headers, ...extra }, payload: payload as object })
  const cases: Array<[string, unknown, string, string]> = [
    ['/v1/sponsors', { ...newSponsor, colour: 'red' }, '/body/colour', 'is not an allowed field'],
    ['/v1/sponsors', { ...newSponsor, country: 'us' }, '/body/country', 'must match pattern "^[A-Z]{2}$"'],
    ['/v1/sponsors', { ...newSponsor, country: 'USA' }, '/body/country', 'must NOT have more than 2 characters'],
    ['/v1/sponsors', { ...newSponsor, website: 'not a url' }, '/body/website', 'must match pattern "^https?://"'],
    ['/v1/sponsors', { ...newSponsor, website: 'https://exa mple.org' }, '/body/website', 'must match format "uri"'],
    ['/v1/sponsors', { ...newSponsor, name: '' }, '/body/name', 'must NOT have fewer than 1 characters'],
    ['/v1/sponsors', { ...newSponsor, sources: [] }, '/body/sources', 'must NOT have fewer than 1 items'],
    ['/v1/sponsors', { ...newSponsor, description: 12 }, '/body/description', 'must be string'],
    ['/v1/sponsors', { ...newSponsor, id: 'Bad Id' }, '/body/id', 'must match pattern "^[a-z0-9]+(-[a-z0-9]+)*$"'],
    ['/v1/contracts', newContract({ endedEarly: 'true' }), '/body/endedEarly', 'must be boolean'],
    ['/v1/contracts', newContract({ startsOn: '2021-02-30' }), '/body/startsOn', 'must match format "partial-date"'],
    ['/v1/meetings', { date: '2019', location: { city: 'X', country: 'CH' }, sponsors: ['cola'], participants: [], summary: 's', quotes: [], sources: ['news'] }, '/body/participants', 'must NOT have fewer than 1 items']
  ]
  for (const [url, payload, path, message] of cases) {
    const res = await post(url, payload)
    t.equal(res.status, 400, path)
    t.same(res.body.errors, [{ path, message }], path)
  }
  const nulled = await post('/v1/sponsors', { ...newSponsor, headquarters: null, description: null })
  t.equal(nulled.body.description, null, 'null stays null (no coercion to "")')

  const text = await api.request({ method: 'POST', url: '/v1/sponsors', headers: { ...headers, 'content-type': 'text/plain' }, payload: 'name=x' })
  t.equal(text.status, 415)
  t.equal(text.body.detail, 'Request bodies must be application/json (Content-Type was text/plain).')
  const broken = await api.request({ method: 'POST', url: '/v1/sponsors', headers: { ...headers, 'content-type': 'application/json' }, payload: '{"name": ' })
  t.equal(broken.status, 400)
  t.equal(broken.body.code, 'MALFORMED_JSON')
  const big = await post('/v1/sponsors', { ...newSponsor, description: 'x'.repeat(3000) })
  t.equal(big.status, 413)
  t.equal(big.body.type, '/problems/payload-too-large')
  const poisoned = await api.request({ method: 'POST', url: '/v1/sponsors', headers: { ...headers, 'content-type': 'application/json' }, payload: '{"__proto__": {"x": 1}}' })
  t.equal(poisoned.status, 400)
})

t.test('PUT replaces, PATCH changes some fields, both honour If-Match', async (t) => {
  const api = await build(t, { seed: data })
  const { headers } = keyFor(api)
  const first = await api.get('/v1/sponsors/cola')
  const put = await api.request({ method: 'PUT', url: '/v1/sponsors/cola', headers: { ...headers, 'if-match': first.headers.etag as string }, payload: { ...newSponsor, name: 'The Coca-Cola Company' } })
  t.equal(put.status, 200)
  t.equal(put.body.name, 'The Coca-Cola Company')
  t.equal(put.body.headquarters, 'Foster City')
  t.not(put.headers.etag, first.headers.etag, 'a change makes a new ETag')
  const stale = await api.request({ method: 'PATCH', url: '/v1/sponsors/cola', headers: { ...headers, 'if-match': first.headers.etag as string }, payload: { headquarters: 'Atlanta' } })
  t.equal(stale.status, 412)
  t.equal(stale.body.code, 'PRECONDITION_FAILED')
  const patched = await api.request({ method: 'PATCH', url: '/v1/sponsors/cola', headers: { ...headers, 'if-match': put.headers.etag as string }, payload: { headquarters: 'Atlanta' } })
  t.equal(patched.status, 200)
  t.same({ name: patched.body.name, hq: patched.body.headquarters, industry: patched.body.industry }, { name: 'The Coca-Cola Company', hq: 'Atlanta', industry: 'Payments' })
  t.equal((await api.request({ method: 'PATCH', url: '/v1/sponsors/cola', headers: { ...headers, 'if-match': '*' }, payload: { industry: null } })).status, 200, 'If-Match: * matches any')
  const empty = await api.request({ method: 'PATCH', url: '/v1/sponsors/cola', headers, payload: {} })
  t.equal(empty.status, 400)
  const mismatch = await api.request({ method: 'PUT', url: '/v1/sponsors/cola', headers, payload: { ...newSponsor, id: 'pepsi' } })
  t.equal(mismatch.status, 400)
  t.same(mismatch.body.errors, [{ path: '/body/id', message: 'must be "cola" or absent' }])
  t.equal((await api.request({ method: 'PUT', url: '/v1/sponsors/ghost', headers, payload: newSponsor })).status, 404)
  t.equal((await api.request({ method: 'PATCH', url: '/v1/sponsors/ghost', headers, payload: { name: 'x' } })).status, 404)
})

t.test('two concurrent PATCHes with the same If-Match: exactly one wins', async (t) => {
  const api = await build(t, { seed: data })
  const { headers } = keyFor(api)
  const etag = (await api.get('/v1/sponsors/dairy')).headers.etag as string
  const results = await Promise.all(['A', 'B'].map((name) =>
    api.request({ method: 'PATCH', url: '/v1/sponsors/dairy', headers: { ...headers, 'if-match': etag }, payload: { name } })))
  t.same(results.map((r) => r.status).sort(), [200, 412])
  const winner = results.find((r) => r.status === 200)
  t.equal((await api.get('/v1/sponsors/dairy')).body.name, winner?.body.name)
})

t.test('DELETE answers 204, honours If-Match, and refuses while referenced', async (t) => {
  const api = await build(t, { seed: data })
  const { headers } = keyFor(api)
  const inUse = await api.request({ method: 'DELETE', url: '/v1/sponsors/alibaba', headers })
  t.equal(inUse.status, 409)
  t.equal(inUse.body.code, 'SPONSOR_IN_USE')
  t.equal(inUse.body.detail, 'The sponsor "alibaba" is still referred to by contract "alibaba-top" (/v1/contracts/alibaba-top), meeting "m1" (/v1/meetings/m1); change or delete those first.')
  t.equal((await api.request({ method: 'DELETE', url: '/v1/categories/cloud', headers })).status, 409)
  t.equal((await api.request({ method: 'DELETE', url: '/v1/sources/src', headers })).status, 409)
  t.equal((await api.request({ method: 'DELETE', url: '/v1/sources/news', headers })).status, 204, 'an unused source can go')
  t.equal((await api.request({ method: 'DELETE', url: '/v1/contracts/alibaba-top', headers: { ...headers, 'if-match': '"stale"' } })).status, 412)
  const gone = await api.request({ method: 'DELETE', url: '/v1/contracts/alibaba-top', headers })
  t.equal(gone.status, 204)
  t.equal(gone.text, '')
  t.equal((await api.get('/v1/contracts/alibaba-top')).status, 404)
  t.equal((await api.request({ method: 'DELETE', url: '/v1/meetings/m1', headers })).status, 204)
  t.equal((await api.request({ method: 'DELETE', url: '/v1/sponsors/alibaba', headers })).status, 204, 'deletable once nothing refers to it')
  t.equal((await api.request({ method: 'DELETE', url: '/v1/sponsors/alibaba', headers })).status, 404)
  t.same((await api.get('/v1/search?q=alibaba')).body.data, [], 'the search index forgets deleted records')
})

t.test('contracts: exclusivity, joint partnerships, terms and references', async (t) => {
  const api = await build(t, { seed: data })
  const { headers } = keyFor(api)
  const post = (payload: object) => api.request({ method: 'POST', url: '/v1/contracts', headers, payload })
  const clash = await post(newContract({ sponsors: ['cola'], categories: ['cloud'], startsOn: '2028-12', endsOn: '2030' }))
  t.equal(clash.status, 409)
  t.equal(clash.body.code, 'CATEGORY_HELD')
  t.equal(clash.body.detail, 'Category "cloud" is held exclusively by contract "alibaba-top" (Alibaba) from 2017-01-01 to 2028-12-31, which overlaps this term. A joint partnership is one contract with several sponsors.')
  t.equal((await post(newContract({ sponsors: ['cola'], categories: ['cloud'], startsOn: '2029', endsOn: '2032' }))).status, 201, 'after the term ends')
  const joint = await post(newContract({ id: 'joint', sponsors: ['cola', 'dairy'], categories: ['drinks'] }))
  t.equal(joint.status, 201, 'a joint partnership is one contract')
  t.same(joint.body.sponsors, [{ id: 'cola', name: 'Cola' }, { id: 'dairy', name: 'Dairy' }])
  t.equal((await post(newContract({ sponsors: ['dairy'], categories: ['drinks'], startsOn: '2025', endsOn: '2036' }))).status, 201, 'a partner of the joint deal may extend it')
  t.equal((await post(newContract({ sponsors: ['alibaba'], categories: ['drinks'], startsOn: '2030', endsOn: '2031' }))).status, 409, 'another sponsor may not')
  const backwards = await post(newContract({ categories: ['drinks'], startsOn: '2021-05', endsOn: '2021-04' }))
  t.equal(backwards.status, 409)
  t.equal(backwards.body.code, 'INVALID_TERM')
  const unknown = await post(newContract({ sponsors: ['cola', 'ghost'], games: ['atlantis-1900'] }))
  t.equal(unknown.status, 400)
  t.same(unknown.body.errors, [
    { path: '/body/sponsors/1', message: 'no sponsor has id "ghost"' },
    { path: '/body/games/0', message: 'no game has id "atlantis-1900"' }
  ])
  const move = await api.request({ method: 'PATCH', url: '/v1/contracts/joint', headers, payload: { categories: ['cloud'] } })
  t.equal(move.status, 409, 'a PATCH is checked like a create')
})

t.test('a write that fails half-way leaves no trace', async (t) => {
  const api = await build(t, { seed: data })
  const { headers } = keyFor(api)
  // Make the third table of a contract write fail, after the contract row and its sponsors.
  api.app.sqlite.exec("create trigger fail_categories before insert on contract_categories begin select raise(abort, 'forced failure'); end")
  const failed = await api.request({ method: 'POST', url: '/v1/contracts', headers, payload: newContract({ id: 'doomed' }) })
  t.equal(failed.status, 500)
  t.equal(failed.body.code, 'INTERNAL_ERROR')
  t.notMatch(failed.text, /forced failure|contract_categories/)
  const count = (sql: string) => (api.app.sqlite.prepare(sql).get() as { n: number }).n
  t.equal(count("select count(*) as n from contracts where id = 'doomed'"), 0)
  t.equal(count("select count(*) as n from contract_sponsors where contract_id = 'doomed'"), 0)
  t.equal(count("select count(*) as n from search_docs where ref_id = 'doomed'"), 0)
  t.equal(count('select count(*) as n from changes'), 0)
  api.app.sqlite.exec('drop trigger fail_categories')
  t.equal((await api.request({ method: 'POST', url: '/v1/contracts', headers, payload: newContract({ id: 'doomed' }) })).status, 201)
})

t.test('formerNames: optional on POST, replaced whole by PUT, kept by a PATCH that omits them, in the audit trail', async (t) => {
  const api = await build(t, { seed: data })
  const { headers } = keyFor(api)
  const names = [{ name: 'Sema Group', from: '1999', until: '2001' }, { name: 'SchlumbergerSema', from: '2001', until: '2004-01' }]
  const created = await api.request({ method: 'POST', url: '/v1/sponsors', headers, payload: { ...newSponsor, name: 'Atos', formerNames: names } })
  t.equal(created.status, 201)
  t.same(created.body.formerNames, names)
  t.same((await api.get('/v1/sponsors/atos')).body.formerNames, names, 'read back in order')
  t.same((await api.get('/v1/sponsors?q=schlumbergersema')).body.data.map((s: { id: string }) => s.id), ['atos'], 'searchable at once')
  t.same((await api.get('/v1/search?q=sema&type=sponsor')).body.data.map((h: { id: string }) => h.id), ['atos'])

  const patched = await api.request({ method: 'PATCH', url: '/v1/sponsors/atos', headers, payload: { industry: 'IT services' } })
  t.same(patched.body.formerNames, names, 'a PATCH without formerNames keeps them')
  const renamed = await api.request({ method: 'PATCH', url: '/v1/sponsors/atos', headers, payload: { formerNames: [{ name: 'Atos Origin', from: '2004', until: null }] } })
  t.same(renamed.body.formerNames, [{ name: 'Atos Origin', from: '2004', until: null }])
  t.same((await api.get('/v1/sponsors?q=schlumbergersema')).body.data, [], 'old names leave the search index')

  const { id: _, status: __, sources: ___, formerNames: ____, ...rest } = renamed.body
  const replaced = await api.request({ method: 'PUT', url: '/v1/sponsors/atos', headers, payload: { ...rest, sources: ['news'] } })
  t.equal(replaced.status, 200)
  t.same(replaced.body.formerNames, [], 'PUT replaces every field: no formerNames means none')

  const bad = await api.request({ method: 'POST', url: '/v1/sponsors', headers, payload: { ...newSponsor, formerNames: [{ name: 'X', from: '2001-13', until: null }] } })
  t.equal(bad.status, 400)
  const extra = await api.request({ method: 'POST', url: '/v1/sponsors', headers, payload: { ...newSponsor, formerNames: [{ name: '', from: null, until: null }] } })
  t.equal(extra.status, 400)

  const trail = await api.get('/v1/changes?resource=sponsors&record=atos', headers)
  const [put, rename, patch, create] = trail.body.data
  t.same(create.after.formerNames, names)
  t.same(patch.before.formerNames, names)
  t.same(patch.after.formerNames, names)
  t.same(rename.after.formerNames, [{ name: 'Atos Origin', from: '2004', until: null }])
  t.same(put.before.formerNames, [{ name: 'Atos Origin', from: '2004', until: null }])
  t.same(put.after.formerNames, [])

  t.equal((await api.request({ method: 'DELETE', url: '/v1/sponsors/atos', headers })).status, 204)
  t.equal((api.app.sqlite.prepare("select count(*) as n from sponsor_names where sponsor_id = 'atos'").get() as { n: number }).n, 0, 'former names go with the sponsor')
})

t.test('the audit trail records who changed what, for write keys only', async (t) => {
  const api = await build(t, { seed: data })
  const writer = keyFor(api, 'write', 'curator')
  await api.request({ method: 'POST', url: '/v1/sponsors', headers: writer.headers, payload: newSponsor })
  await api.request({ method: 'PATCH', url: '/v1/sponsors/visa-inc', headers: writer.headers, payload: { industry: 'Cards' } })
  await api.request({ method: 'DELETE', url: '/v1/sponsors/visa-inc', headers: writer.headers })
  t.equal((await api.get('/v1/changes')).status, 401)
  t.equal((await api.get('/v1/changes', keyFor(api, 'read').headers)).status, 403)
  const res = await api.get('/v1/changes?resource=sponsors&record=visa-inc', writer.headers)
  t.equal(res.status, 200)
  t.equal(res.headers['cache-control'], 'private, no-cache')
  t.same(res.body.data.map((c: { action: string }) => c.action), ['delete', 'update', 'create'])
  const [deleted, updated, created] = res.body.data
  t.same(created.before, null)
  t.same(created.after, { ...newSponsor, formerNames: [], id: 'visa-inc' }, 'formerNames defaults to []')
  t.equal(updated.before.industry, 'Payments')
  t.equal(updated.after.industry, 'Cards')
  t.same(deleted.after, null)
  t.same(created.key, { id: writer.id, name: 'curator' })
  t.equal(created.at, '2026-06-15T12:00:00.000Z')
  const paged = await api.get('/v1/changes?limit=2', writer.headers)
  t.equal(paged.body.data.length, 2)
  const rest = await api.get(`/v1/changes?limit=2&cursor=${paged.body.meta.nextCursor as string}`, writer.headers)
  t.same(rest.body.data.map((c: { action: string }) => c.action), ['create'])
})

t.test('reads carry ETag and Cache-Control; If-None-Match gives 304', async (t) => {
  const api = await build(t, { seed: data, cacheControl: 'public, max-age=30' })
  for (const url of ['/v1/sponsors', '/v1/sponsors/cola', '/v1/search?q=cola']) {
    const res = await api.get(url)
    t.equal(res.headers['cache-control'], 'public, max-age=30', url)
    t.match(res.headers.etag, /^"[A-Za-z0-9_-]{27}"$/, url)
    const again = await api.get(url)
    t.equal(again.headers.etag, res.headers.etag, `${url}: stable for unchanged data`)
    const cached = await api.get(url, { 'if-none-match': res.headers.etag as string })
    t.equal(cached.status, 304, url)
    t.equal(cached.text, '')
    t.equal(cached.headers.etag, res.headers.etag)
    t.equal((await api.get(url, { 'if-none-match': '"other"' })).status, 200)
  }
  const before = (await api.get('/v1/sponsors')).headers.etag
  await api.request({ method: 'PATCH', url: '/v1/sponsors/cola', headers: keyFor(api).headers, payload: { name: 'Coke' } })
  t.not((await api.get('/v1/sponsors')).headers.etag, before, 'a write changes the list\'s ETag')
})
