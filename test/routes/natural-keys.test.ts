import t, { type Test } from 'tap'
import { build, category, contract, dataset, keyFor, meeting, source, sponsor, type Api } from '../helper.js'

const data = dataset({
  sources: [source('news', { url: 'https://example.org/news' })],
  categories: [category('cloud'), category('drinks'), category('dairy')],
  sponsors: [
    sponsor('alibaba', { name: 'Alibaba Group' }),
    sponsor('omega', { name: 'Omega', formerNames: [{ name: 'The Swatch Group', from: null, until: null }] }),
    sponsor('cola', { name: 'Coca-Cola' }),
    sponsor('mengniu', { name: 'Mengniu' }),
    sponsor('visa', { name: 'Visa' })
  ],
  contracts: [
    contract('alibaba-top', { sponsors: ['alibaba'], categories: ['cloud'], startsOn: '2017-01', endsOn: '2028' }),
    contract('joint', { sponsors: ['cola', 'mengniu'], categories: ['drinks', 'dairy'], startsOn: '2021', endsOn: '2032' })
  ],
  meetings: [meeting('bach-ma', { sponsors: ['alibaba'], date: '2019-01-23', location: { city: 'Lausanne', country: 'CH' } })]
})

async function duplicate (t: Test, api: Api, method: string, url: string, payload: object, existing: string, resource: string): Promise<void> {
  const response = await api.request({ method, url, headers: keyFor(api, 'write', `k-${Math.random()}`).headers, payload })
  t.equal(response.status, 409, `${method} ${url}: ${String(response.body?.detail)}`)
  t.equal(response.body.code, 'DUPLICATE_RECORD')
  t.same(response.body.existing, { id: existing, href: `/v1/${resource}/${existing}` })
  t.match(response.body.detail, `"${existing}"`, 'the detail names the existing record')
}

t.test('a source URL is unique', async (t) => {
  const api = await build(t, { seed: data })
  await duplicate(t, api, 'POST', '/v1/sources', { title: 'Again', publisher: null, url: 'https://example.org/news', publishedOn: null }, 'news', 'sources')
  await duplicate(t, api, 'PATCH', '/v1/sources/src', { url: 'https://example.org/news' }, 'news', 'sources')
  const { headers } = keyFor(api)
  t.equal((await api.request({ method: 'PATCH', url: '/v1/sources/news', headers, payload: { title: 'Renamed' } })).status, 200, 'an update does not trip over itself')
  t.equal((await api.request({ method: 'POST', url: '/v1/sources', headers, payload: { title: 'Other', publisher: null, url: 'https://example.org/other', publishedOn: null } })).status, 201)
})

t.test('a sponsor name is unique in any case, against current and former names', async (t) => {
  const api = await build(t, { seed: data })
  const body = (name: string, extra: object = {}) => ({ name, country: 'US', headquarters: null, industry: null, website: null, description: null, sources: ['src'], ...extra })
  await duplicate(t, api, 'POST', '/v1/sponsors', body('Alibaba Group'), 'alibaba', 'sponsors')
  await duplicate(t, api, 'POST', '/v1/sponsors', body('ALIBABA  group '), 'alibaba', 'sponsors')
  await duplicate(t, api, 'POST', '/v1/sponsors', body('ＶＩＳＡ'), 'visa', 'sponsors')
  await duplicate(t, api, 'POST', '/v1/sponsors', body('the swatch group'), 'omega', 'sponsors')
  await duplicate(t, api, 'POST', '/v1/sponsors', body('Swatch', { formerNames: [{ name: 'COCA-COLA', from: null, until: null }] }), 'cola', 'sponsors')
  await duplicate(t, api, 'PATCH', '/v1/sponsors/visa', { name: 'omega' }, 'omega', 'sponsors')
  const { headers } = keyFor(api)
  t.equal((await api.request({ method: 'PATCH', url: '/v1/sponsors/visa', headers, payload: { name: 'VISA' } })).status, 200, 'a sponsor may change the case of its own name')
  t.equal((await api.request({ method: 'PATCH', url: '/v1/sponsors/omega', headers, payload: { name: 'The Swatch Group' } })).status, 200, 'or take back a former name of its own')
  t.equal((await api.request({ method: 'POST', url: '/v1/sponsors', headers, payload: body('Alibaba Cloud') })).status, 201)
})

t.test('the same sponsors holding a category over overlapping terms is one contract', async (t) => {
  const api = await build(t, { seed: data })
  const body = (extra: object) => ({ sponsors: ['alibaba'], categories: ['cloud'], startsOn: '2020', endsOn: '2024', games: [], sources: ['src'], programme: 'TOP', signedOn: null, territory: 'worldwide', endedEarly: false, notes: null, ...extra })
  await duplicate(t, api, 'POST', '/v1/contracts', body({}), 'alibaba-top', 'contracts')
  await duplicate(t, api, 'POST', '/v1/contracts', body({ sponsors: ['mengniu', 'cola'], categories: ['dairy'], startsOn: '2030', endsOn: null }), 'joint', 'contracts')
  const { headers } = keyFor(api)
  const post = async (extra: object) => (await api.request({ method: 'POST', url: '/v1/contracts', headers, payload: body(extra) }))
  t.equal((await post({ startsOn: '2029', endsOn: '2032' })).status, 201, 'a later term is a new contract')
  t.equal((await post({ sponsors: ['cola'], categories: ['dairy'], startsOn: '2022', endsOn: '2024' })).status, 201, 'a subset of the sponsors is not the same contract')
  const held = await post({ sponsors: ['visa'], categories: ['cloud'], startsOn: '2020', endsOn: '2024' })
  t.equal(held.status, 409, 'other sponsors: the category is held')
  t.equal(held.body.code, 'CATEGORY_HELD')
  t.equal((await post({ sponsors: ['visa'], categories: ['cloud'], startsOn: '2000', endsOn: '2004' })).status, 201, 'no overlap')
  t.equal((await api.request({ method: 'PUT', url: '/v1/contracts/alibaba-top', headers, payload: body({ startsOn: '2017-01', endsOn: '2028' }) })).status, 200, 'a replace does not trip over itself')
})

t.test('the same meeting (date, sponsors, city) is unique', async (t) => {
  const api = await build(t, { seed: data })
  const body = (extra: object) => ({ date: '2019-01-23', location: { city: 'lausanne', country: null }, sponsors: ['alibaba'], participants: [{ name: 'Thomas Bach', role: null, organisation: null }], summary: 'Again', quotes: [], sources: ['src'], ...extra })
  await duplicate(t, api, 'POST', '/v1/meetings', body({}), 'bach-ma', 'meetings')
  const { headers } = keyFor(api)
  const post = async (extra: object) => (await api.request({ method: 'POST', url: '/v1/meetings', headers, payload: body(extra) })).status
  t.equal(await post({ date: '2019-01-24' }), 201, 'another day')
  t.equal(await post({ location: { city: 'Davos', country: 'CH' } }), 201, 'another city')
  t.equal(await post({ sponsors: ['alibaba', 'visa'] }), 201, 'other sponsors')
  t.equal((await api.request({ method: 'PATCH', url: '/v1/meetings/bach-ma', headers, payload: { summary: 'Changed' } })).status, 200)
})

t.test('the seed repeats no natural key', async (t) => {
  const api = await build(t, { seed: { dir: 'seed' } })
  const { integrity, sponsors, contracts, meetings } = api.app.repos
  const today = api.app.clock.today()
  const found: string[] = []
  for (const row of api.app.sqlite.prepare('select id, url from sources').all() as Array<{ id: string, url: string }>) {
    const dup = integrity.sourceWithUrl(row)
    if (dup !== undefined) found.push(`source ${row.id} = ${dup.id}`)
  }
  for (const id of api.app.sqlite.prepare('select id from sponsors').pluck().all() as string[]) {
    const s = sponsors.get(id, today)!
    const dup = integrity.sponsorNamed({ id, names: [s.name, ...s.formerNames.map((f) => f.name)] })
    if (dup !== undefined) found.push(`sponsor ${id} = ${dup.id}`)
  }
  for (const id of api.app.sqlite.prepare('select id from contracts').pluck().all() as string[]) {
    const c = contracts.get(id, today)!
    const row = api.app.sqlite.prepare('select starts_first as f, ends_last as l from contracts where id = ?').get(id) as { f: string, l: string }
    const dup = integrity.sameContract({ id, sponsors: c.sponsors.map((x) => x.id), categories: c.categories.map((x) => x.id), startsFirst: row.f, endsLast: row.l })
    if (dup !== undefined) found.push(`contract ${id} = ${dup.id}`)
  }
  for (const id of api.app.sqlite.prepare('select id from meetings').pluck().all() as string[]) {
    const m = meetings.get(id)!
    const dup = integrity.sameMeeting({ id, date: m.date, sponsors: m.sponsors.map((x) => x.id), city: m.location.city })
    if (dup !== undefined) found.push(`meeting ${id} = ${dup.id}`)
  }
  t.same(found, [], 'no duplicates in seed/')
})
