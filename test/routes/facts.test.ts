import t from 'tap'
import { build, dataset, fact, keyFor, source, sponsor } from '../helper.js'

const data = dataset({
  sources: [source('news', { title: 'News', url: 'https://example.org/news' })],
  sponsors: [sponsor('alibaba', { name: 'Alibaba' }), sponsor('samsung', { name: 'Samsung' }), sponsor('visa', { name: 'Visa' })],
  facts: [
    fact('tmall-store', 'alibaba', { date: '2018-12', summary: 'Opened the first Olympic store on Tmall.', sources: ['news', 'src'] }),
    fact('olympic-channel', 'alibaba', { date: '2017-01-19', summary: 'Founding partner of the Olympic Channel.' }),
    fact('galaxy-first', 'samsung', { date: '2017', summary: 'The first Olympic edition phone.' }),
    fact('renewal', 'samsung', { date: '2018-12-05', summary: 'Renewed its partnership through 2028.' })
  ]
})

const ids = (body: { data: Array<{ id: string }> }) => body.data.map((f) => f.id)

t.test('GET /v1/facts/{id}: sponsor and sources embedded as summaries; 404 and 304', async (t) => {
  const api = await build(t, { seed: data })
  const res = await api.get('/v1/facts/tmall-store')
  t.equal(res.status, 200)
  t.same(res.body, {
    id: 'tmall-store',
    sponsor: { id: 'alibaba', name: 'Alibaba' },
    date: '2018-12',
    summary: 'Opened the first Olympic store on Tmall.',
    sources: [
      { id: 'news', title: 'News', url: 'https://example.org/news' },
      { id: 'src', title: 'Title of src', url: 'https://example.org/src' }
    ]
  })
  t.match(res.headers.etag, /^"[A-Za-z0-9_-]{27}"$/)
  const cached = await api.get('/v1/facts/tmall-store', { 'if-none-match': res.headers.etag as string })
  t.equal(cached.status, 304)
  t.equal(cached.text, '')
  const missing = await api.get('/v1/facts/nothing')
  t.equal(missing.status, 404)
  t.same(missing.body, {
    type: '/problems/not-found', title: 'Not Found', status: 404, detail: 'No fact with id "nothing".',
    instance: '/v1/facts/nothing', code: 'FACT_NOT_FOUND', requestId: missing.headers['x-request-id']
  })
  const list = await api.get('/v1/facts')
  t.equal((await api.get('/v1/facts', { 'if-none-match': list.headers.etag as string })).status, 304)
})

t.test('GET /v1/facts: date order by default, -date, filters, 400 on an unknown sponsor', async (t) => {
  const api = await build(t, { seed: data })
  const list = async (query: string) => {
    const res = await api.get(`/v1/facts?${query}`)
    t.equal(res.status, 200, query)
    return ids(res.body)
  }
  const all = await api.get('/v1/facts')
  t.same(ids(all.body), ['galaxy-first', 'olympic-channel', 'tmall-store', 'renewal'], 'a partial date sorts at its first day')
  t.same(all.body.meta, { total: 4, limit: 20, nextCursor: null })
  t.same(await list('sort=-date'), ['renewal', 'tmall-store', 'olympic-channel', 'galaxy-first'])
  t.same(await list('sort=id'), ['galaxy-first', 'olympic-channel', 'renewal', 'tmall-store'])
  t.same(await list('sponsor=alibaba'), ['olympic-channel', 'tmall-store'])
  t.same(await list('sponsor=visa'), [])
  t.same(await list('from=2018'), ['tmall-store', 'renewal'])
  t.same(await list('from=2017-06'), ['galaxy-first', 'tmall-store', 'renewal'], 'a year-precision fact overlaps a later month of that year')
  t.same(await list('to=2017-01'), ['galaxy-first', 'olympic-channel'])
  t.same(await list('from=2018-12-10&to=2018-12-10'), ['tmall-store'], 'a month-precision fact overlaps a day in that month')
  t.same(await list('sponsor=samsung&from=2018&to=2018'), ['renewal'])
  t.same(await list('q=OLYMPIC'), ['galaxy-first', 'olympic-channel', 'tmall-store'])
  t.same(await list('q=tmall&sponsor=samsung'), [])
  const unknown = await api.get('/v1/facts?sponsor=ghost')
  t.equal(unknown.status, 400)
  t.equal(unknown.body.code, 'VALIDATION_FAILED')
  t.same(unknown.body.errors, [{ path: '/query/sponsor', message: 'names no known sponsor ("ghost")' }])
  const backwards = await api.get('/v1/facts?from=2019&to=2018')
  t.equal(backwards.status, 400)
  t.same(backwards.body.errors, [{ path: '/query/from', message: 'must not be after "to" (2019 is after 2018)' }])
  t.equal((await api.get('/v1/facts?date=2018')).status, 400, 'unknown parameters are refused')
  t.equal((await api.get('/v1/facts?from=2018-13')).status, 400)
  t.equal((await api.get('/v1/facts?sort=summary')).status, 400)
})

t.test('GET /v1/facts pages with keyset cursors and a Link header, both ways', async (t) => {
  const api = await build(t, { seed: data })
  for (const [sort, expected] of [['date', ['galaxy-first', 'olympic-channel', 'tmall-store', 'renewal']], ['-date', ['renewal', 'tmall-store', 'olympic-channel', 'galaxy-first']]] as const) {
    const seen: string[] = []
    let url: string | undefined = `/v1/facts?sort=${sort}&limit=3`
    let pages = 0
    while (url !== undefined) {
      const res = await api.get(url)
      t.equal(res.status, 200)
      t.equal(res.body.meta.total, 4)
      seen.push(...ids(res.body))
      pages++
      const next = res.body.meta.nextCursor as string | null
      if (next === null) {
        t.notOk(res.headers.link)
        url = undefined
      } else {
        t.match(res.headers.link, new RegExp(`cursor=${next}>; rel="next"$`))
        url = `/v1/facts?sort=${sort}&limit=3&cursor=${next}`
      }
    }
    t.same(seen, expected, sort)
    t.equal(pages, 2)
  }
  const first = await api.get('/v1/facts?limit=2')
  await api.request({ method: 'POST', url: '/v1/facts', headers: keyFor(api).headers, payload: { sponsor: 'visa', date: '2000', summary: 'An early fact.', sources: ['src'] } })
  const second = await api.get(`/v1/facts?limit=2&cursor=${first.body.meta.nextCursor as string}`)
  t.same(ids(second.body), ['tmall-store', 'renewal'], 'stable under inserts before the cursor')
  t.equal((await api.get('/v1/facts?cursor=nonsense')).status, 400)
})

const newFact = { sponsor: 'visa', date: '2019-06', summary: 'Launched the Olympic payment wristband.', sources: ['news'] }

t.test('POST creates a fact: 201, Location, ETag, an id from sponsor, date and summary; 400s for bad references', async (t) => {
  const api = await build(t, { seed: data })
  const { headers } = keyFor(api)
  const post = (payload: object, h = headers) => api.request({ method: 'POST', url: '/v1/facts', headers: h, payload })
  t.equal((await post(newFact, {})).status, 401)
  t.equal((await post(newFact, keyFor(api, 'read').headers)).status, 403)
  const created = await post(newFact)
  t.equal(created.status, 201)
  t.equal(created.headers.location, '/v1/facts/visa-2019-06-launched-the-olympic-payment-wristband')
  t.match(created.headers.etag, /^"/)
  t.same(created.body, {
    id: 'visa-2019-06-launched-the-olympic-payment-wristband',
    sponsor: { id: 'visa', name: 'Visa' },
    date: '2019-06',
    summary: newFact.summary,
    sources: [{ id: 'news', title: 'News', url: 'https://example.org/news' }]
  })
  t.same((await api.get(created.headers.location as string)).body, created.body)
  const again = await post(newFact)
  t.equal(again.body.id, 'visa-2019-06-launched-the-olympic-payment-wristband-2', 'ids stay unique')
  const duplicate = await post({ ...newFact, id: 'renewal' })
  t.equal(duplicate.status, 409)
  t.equal(duplicate.body.code, 'DUPLICATE_ID')
  const unknown = await post({ ...newFact, sponsor: 'ghost', sources: ['news', 'missing'] })
  t.equal(unknown.status, 400)
  t.equal(unknown.body.code, 'UNKNOWN_REFERENCE')
  t.same(unknown.body.errors, [
    { path: '/body/sponsor', message: 'no sponsor has id "ghost"' },
    { path: '/body/sources/1', message: 'no source has id "missing"' }
  ])
  const invalid = await post({ sponsor: 'visa', date: '2019-13', summary: '', sources: [] })
  t.equal(invalid.status, 400)
  t.equal(invalid.body.code, 'VALIDATION_FAILED')
  t.ok(invalid.body.errors.length >= 3, 'every mistake is listed')
  t.same((await api.get('/v1/facts?sponsor=visa')).body.meta.total, 2)
  t.same((await api.get('/v1/sponsors/visa/timeline')).body.data.map((e: { subject: { id: string } }) => e.subject.id),
    ['visa-2019-06-launched-the-olympic-payment-wristband', 'visa-2019-06-launched-the-olympic-payment-wristband-2'], 'a new fact is on its sponsor\'s timeline')
})

t.test('PUT replaces and PATCH changes a fact; both honour If-Match (412) and 404', async (t) => {
  const api = await build(t, { seed: data })
  const { headers } = keyFor(api)
  const read = await api.get('/v1/facts/renewal')
  const put = await api.request({ method: 'PUT', url: '/v1/facts/renewal', headers: { ...headers, 'if-match': read.headers.etag as string }, payload: { ...newFact, sponsor: 'samsung' } })
  t.equal(put.status, 200)
  t.same(put.body, { id: 'renewal', sponsor: { id: 'samsung', name: 'Samsung' }, date: '2019-06', summary: newFact.summary, sources: [{ id: 'news', title: 'News', url: 'https://example.org/news' }] })
  t.not(put.headers.etag, read.headers.etag)
  const stale = await api.request({ method: 'PATCH', url: '/v1/facts/renewal', headers: { ...headers, 'if-match': read.headers.etag as string }, payload: { date: '2020' } })
  t.equal(stale.status, 412)
  t.equal(stale.body.code, 'PRECONDITION_FAILED')
  const patched = await api.request({ method: 'PATCH', url: '/v1/facts/renewal', headers: { ...headers, 'if-match': put.headers.etag as string }, payload: { sponsor: 'visa', date: '2020' } })
  t.equal(patched.status, 200)
  t.same(patched.body.sponsor, { id: 'visa', name: 'Visa' })
  t.equal(patched.body.date, '2020')
  t.equal(patched.body.summary, newFact.summary, 'fields left out keep their values')
  t.equal((await api.request({ method: 'PATCH', url: '/v1/facts/renewal', headers, payload: { sponsor: 'ghost' } })).status, 400)
  const mismatch = await api.request({ method: 'PUT', url: '/v1/facts/renewal', headers, payload: { ...newFact, id: 'other' } })
  t.equal(mismatch.body.code, 'ID_MISMATCH')
  const missing = await api.request({ method: 'PUT', url: '/v1/facts/nothing', headers, payload: newFact })
  t.equal(missing.status, 404)
  t.equal(missing.body.code, 'FACT_NOT_FOUND')
  t.equal((await api.request({ method: 'PATCH', url: '/v1/facts/renewal', payload: { date: '2021' } })).status, 401)
})

t.test('a sponsor with facts cannot be deleted until its facts are: the 409 names the facts route', async (t) => {
  const api = await build(t, { seed: data })
  const { headers } = keyFor(api)
  const inUse = await api.request({ method: 'DELETE', url: '/v1/sponsors/alibaba', headers })
  t.equal(inUse.status, 409)
  t.equal(inUse.body.code, 'SPONSOR_IN_USE')
  t.equal(inUse.body.detail, 'The sponsor "alibaba" is still referred to by fact "olympic-channel" (/v1/facts/olympic-channel), fact "tmall-store" (/v1/facts/tmall-store); change or delete those first.')
  const cited = await api.request({ method: 'DELETE', url: '/v1/sources/news', headers })
  t.equal(cited.status, 409)
  t.equal(cited.body.detail, 'The source "news" is still referred to by fact "tmall-store" (/v1/facts/tmall-store); change or delete those first.')
  t.equal((await api.request({ method: 'DELETE', url: '/v1/facts/tmall-store', headers: { ...headers, 'if-match': '"stale"' } })).status, 412)
  const gone = await api.request({ method: 'DELETE', url: '/v1/facts/tmall-store', headers })
  t.equal(gone.status, 204)
  t.equal(gone.text, '')
  t.equal((await api.get('/v1/facts/tmall-store')).status, 404)
  t.equal((await api.request({ method: 'DELETE', url: '/v1/facts/tmall-store', headers })).status, 404)
  t.equal((await api.request({ method: 'DELETE', url: '/v1/sources/news', headers })).status, 204, 'the source is no longer cited')
  t.equal((await api.request({ method: 'DELETE', url: '/v1/facts/olympic-channel', headers })).status, 204)
  t.equal((await api.request({ method: 'DELETE', url: '/v1/sponsors/alibaba', headers })).status, 204, 'deletable once its facts are gone')
  t.same(ids((await api.get('/v1/facts')).body), ['galaxy-first', 'renewal'])
})

t.test('every fact write is in the audit trail under resource "facts"', async (t) => {
  const api = await build(t, { seed: data })
  const writer = keyFor(api, 'write', 'curator')
  const created = await api.request({ method: 'POST', url: '/v1/facts', headers: writer.headers, payload: { ...newFact, id: 'wristband' } })
  t.equal(created.status, 201)
  await api.request({ method: 'PATCH', url: '/v1/facts/wristband', headers: writer.headers, payload: { date: '2019-06-20' } })
  await api.request({ method: 'PUT', url: '/v1/facts/wristband', headers: writer.headers, payload: { ...newFact, summary: 'Replaced.' } })
  await api.request({ method: 'DELETE', url: '/v1/facts/wristband', headers: writer.headers })
  const res = await api.get('/v1/changes?resource=facts&record=wristband', writer.headers)
  t.equal(res.status, 200)
  t.same(res.body.data.map((c: { action: string }) => c.action), ['delete', 'update', 'update', 'create'])
  const [deleted, replaced, patched, made] = res.body.data
  t.same(made.before, null)
  t.same(made.after, { ...newFact, id: 'wristband' })
  t.same(patched.before, { ...newFact, id: 'wristband' })
  t.same(patched.after, { ...newFact, id: 'wristband', date: '2019-06-20' })
  t.equal(replaced.after.summary, 'Replaced.')
  t.same(deleted.before, { ...newFact, id: 'wristband', summary: 'Replaced.' })
  t.same(deleted.after, null)
  t.same(made.key, { id: writer.id, name: 'curator' })
  t.ok(res.body.data.every((c: { resource: string }) => c.resource === 'facts'))
})

t.test('facts stay on the sponsor\'s timeline', async (t) => {
  const api = await build(t, { seed: data })
  const res = await api.get('/v1/sponsors/alibaba/timeline')
  t.same(res.body.data.map((e: { kind: string, subject: { id: string } }) => `${e.kind} ${e.subject.id}`), ['fact olympic-channel', 'fact tmall-store'])
})
