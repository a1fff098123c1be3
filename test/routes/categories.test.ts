import t from 'tap'
import { build, category, contract, dataset, sponsor } from '../helper.js'

const data = dataset({
  categories: [category('cloud-services', { name: 'Cloud Services', description: 'Cloud.' }), category('drinks', { name: 'Drinks' }), category('empty', { name: 'Empty' })],
  sponsors: [sponsor('alibaba', { name: 'Alibaba' }), sponsor('cola', { name: 'Cola' }), sponsor('dairy', { name: 'Dairy' })],
  contracts: [
    contract('alibaba-top', { sponsors: ['alibaba'], categories: ['cloud-services'], startsOn: '2017-01', endsOn: '2028' }),
    contract('cola-old', { sponsors: ['cola'], categories: ['drinks'], startsOn: '1992', endsOn: '2020' }),
    contract('joint', { sponsors: ['cola', 'dairy'], categories: ['drinks'], startsOn: '2021', endsOn: '2032' })
  ]
})

t.test('GET /v1/categories lists by name; GET /v1/categories/{id}', async (t) => {
  const api = await build(t, { seed: data })
  const list = await api.get('/v1/categories')
  t.same(list.body.data.map((c: { name: string }) => c.name), ['Cloud Services', 'Drinks', 'Empty'])
  const one = await api.get('/v1/categories/cloud-services')
  t.same(one.body, { id: 'cloud-services', name: 'Cloud Services', description: 'Cloud.', sources: [{ id: 'src', title: 'Title of src', url: 'https://example.org/src' }] })
  t.equal((await api.get('/v1/categories/nothing')).body.code, 'CATEGORY_NOT_FOUND')
})

t.test('holders on a day', async (t) => {
  const api = await build(t, { seed: data })
  const holders = await api.get('/v1/categories/cloud-services/holders?on=2019-01-23')
  t.same(holders.body, {
    data: [{ sponsor: { id: 'alibaba', name: 'Alibaba' }, contract: { id: 'alibaba-top', startsOn: '2017-01', endsOn: '2028' } }],
    meta: { on: '2019-01-23', total: 1, limit: 20, nextCursor: null }
  })
  const before = await api.get('/v1/categories/cloud-services/holders?on=2016-12-31')
  t.same(before.body, { data: [], meta: { on: '2016-12-31', total: 0, limit: 20, nextCursor: null } })
  const joint = await api.get('/v1/categories/drinks/holders?on=2024-07-26')
  t.same(joint.body.data.map((h: { sponsor: { id: string } }) => h.sponsor.id), ['cola', 'dairy'], 'a joint contract gives each partner')
  const old = await api.get('/v1/categories/drinks/holders?on=2020-12-31')
  t.same(old.body.data.map((h: { contract: { id: string } }) => h.contract.id), ['cola-old'])
  const today = await api.get('/v1/categories/drinks/holders')
  t.equal(today.body.meta.on, '2026-06-15', 'on defaults to today')
  t.same(today.body.data.map((h: { contract: { id: string } }) => h.contract.id), ['joint', 'joint'])
})

t.test('holders page like every list', async (t) => {
  const api = await build(t, { seed: data })
  const first = await api.get('/v1/categories/drinks/holders?on=2024-07-26&limit=1')
  t.same(first.body.data.map((h: { sponsor: { id: string } }) => h.sponsor.id), ['cola'])
  t.match(first.body.meta, { on: '2024-07-26', total: 2, limit: 1, nextCursor: /^[A-Za-z0-9_-]+$/ })
  t.match(String(first.headers.link), /^<http:\/\/localhost(:80)?\/v1\/categories\/drinks\/holders\?on=2024-07-26&limit=1&cursor=[^>]+>; rel="next"$/)
  const second = await api.get(`/v1/categories/drinks/holders?on=2024-07-26&limit=1&cursor=${first.body.meta.nextCursor as string}`)
  t.same(second.body.data.map((h: { sponsor: { id: string } }) => h.sponsor.id), ['dairy'])
  t.equal(second.body.meta.nextCursor, null)
  const latest = await api.get('/v1/categories/drinks/holders?on=2024-07-26&sort=-startsOn&limit=1')
  t.same(latest.body.data.map((h: { sponsor: { id: string } }) => h.sponsor.id), ['dairy'], 'sort=-startsOn reverses the order')
  const rest = await api.get(`/v1/categories/drinks/holders?on=2024-07-26&sort=-startsOn&limit=1&cursor=${latest.body.meta.nextCursor as string}`)
  t.same(rest.body.data.map((h: { sponsor: { id: string } }) => h.sponsor.id), ['cola'])
  const foreign = await api.get(`/v1/sponsors?cursor=${first.body.meta.nextCursor as string}`)
  t.equal(foreign.status, 400, 'a holders cursor is not a sponsors cursor')
})

t.test('holders errors', async (t) => {
  const api = await build(t, { seed: data })
  t.equal((await api.get('/v1/categories/nothing/holders')).status, 404)
  const bad = await api.get('/v1/categories/drinks/holders?on=2019-02-30')
  t.equal(bad.status, 400)
  t.same(bad.body.errors, [{ path: '/query/on', message: 'must match format "date"' }])
})
