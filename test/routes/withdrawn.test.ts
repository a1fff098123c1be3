import t from 'tap'
import { build, category, contract, dataset, keyFor, sponsor } from '../helper.js'

const data = dataset({
  categories: [category('cloud-services', { name: 'Cloud Services' })],
  sponsors: [sponsor('alibaba-group', { name: 'Alibaba Group' })],
  contracts: [contract('alibaba-top-2017-2028', { sponsors: ['alibaba-group'], categories: ['cloud-services'] })]
})
const withdrawn = {
  contracts: [{ id: 'alibaba-top-2018-2028', replacedBy: 'alibaba-top-2017-2028', reason: 'Renamed when its start was corrected.' }],
  meetings: [{ id: 'wonder-avenue', replacedBy: null, reason: 'No report of the event was found.' }]
}

t.test('a withdrawn id that another record replaced answers 301 to it, with why', async (t) => {
  const api = await build(t, { seed: data, withdrawn })
  const res = await api.get('/v1/contracts/alibaba-top-2018-2028')
  t.equal(res.status, 301)
  t.equal(res.headers.location, '/v1/contracts/alibaba-top-2017-2028')
  t.same(res.body, { id: 'alibaba-top-2018-2028', replacedBy: 'alibaba-top-2017-2028', reason: 'Renamed when its start was corrected.', href: '/v1/contracts/alibaba-top-2017-2028' })
  t.equal(res.headers['cache-control'], 'public, max-age=60', 'the reads\' freshness, so no cache keeps the redirect forever')
  const followed = await api.get(String(res.headers.location))
  t.equal(followed.status, 200)
  t.equal(followed.body.id, 'alibaba-top-2017-2028')
})

t.test('a withdrawn id with no replacement is a 404 that says it was withdrawn and why', async (t) => {
  const api = await build(t, { seed: data, withdrawn })
  const res = await api.get('/v1/meetings/wonder-avenue')
  t.equal(res.status, 404)
  t.equal(res.body.code, 'MEETING_NOT_FOUND')
  t.equal(res.body.detail, 'No meeting with id "wonder-avenue": the reviewed data withdrew it (No report of the event was found).')
  const unknown = await api.get('/v1/meetings/never-was')
  t.equal(unknown.body.detail, 'No meeting with id "never-was".', 'an id never published is just unknown')
  const elsewhere = await api.get('/v1/sponsors/alibaba-top-2018-2028')
  t.equal(elsewhere.status, 404, 'withdrawn ids are per resource')
})

t.test('a record stored under a withdrawn id is served, not redirected', async (t) => {
  const api = await build(t, { seed: data, withdrawn })
  const created = await api.request({
    method: 'POST',
    url: '/v1/contracts',
    headers: keyFor(api).headers,
    payload: { id: 'alibaba-top-2018-2028', sponsors: ['alibaba-group'], categories: ['cloud-services'], programme: 'TOP', startsOn: '2030', endsOn: '2031', territory: 'worldwide', sources: ['src'] }
  })
  t.equal(created.status, 201, JSON.stringify(created.body))
  const res = await api.get('/v1/contracts/alibaba-top-2018-2028')
  t.equal(res.status, 200)
  t.equal(res.body.startsOn, '2030')
})

t.test('the package\'s own list is used with the package\'s data', async (t) => {
  const api = await build(t, { seed: { dir: 'seed' } })
  const res = await api.get('/v1/contracts/samsung-top-1997-2028')
  t.equal(res.status, 301)
  t.equal(res.headers.location, '/v1/contracts/samsung-top-1997-2016')
  t.equal((await api.get('/v1/contracts/samsung-top-1997-2016')).status, 200)
})

t.test('a withdrawn id whose replacement was deleted since is a 404 with the reason', async (t) => {
  const api = await build(t, { seed: data, withdrawn })
  const deleted = await api.request({ method: 'DELETE', url: '/v1/contracts/alibaba-top-2017-2028', headers: keyFor(api).headers })
  t.equal(deleted.status, 204)
  const res = await api.get('/v1/contracts/alibaba-top-2018-2028')
  t.equal(res.status, 404)
  t.equal(res.body.detail, 'No contract with id "alibaba-top-2018-2028": the reviewed data withdrew it (Renamed when its start was corrected).')
})
