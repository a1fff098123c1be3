// A typed client generated from openapi/openapi.json (openapi-typescript, written to
// test/client/openapi.d.ts by `npm run client:types` before the type-check) drives the
// live server through openapi-fetch: every read operation and a write. The calls are
// type-checked by tsc, so a route change that breaks the document's promises fails
// the build, and each answer is checked at run time too.
import type { AddressInfo } from 'node:net'
import createClient from 'openapi-fetch'
import t from 'tap'
import { readDataset } from '../src/seed/dataset.js'
import type { paths } from './client/openapi.js'
import { build, keyFor } from './helper.js'

t.test('the generated client reads every resource and writes one', async (t) => {
  const api = await build(t, { seed: readDataset('seed') })
  await api.app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = api.app.server.address() as AddressInfo
  const client = createClient<paths>({ baseUrl: `http://127.0.0.1:${port}` })

  const sponsors = await client.GET('/v1/sponsors', { params: { query: { country: 'CN', limit: 5 } } })
  t.ok(sponsors.data?.data.some((s) => s.id === 'alibaba-group'))
  const alibaba = await client.GET('/v1/sponsors/{id}', { params: { path: { id: 'alibaba-group' } } })
  t.equal(alibaba.data?.name, 'Alibaba Group')
  t.equal(alibaba.data?.status, 'active')
  const contracts = await client.GET('/v1/sponsors/{id}/contracts', { params: { path: { id: 'alibaba-group' }, query: { activeOn: '2028-12-31' } } })
  t.equal(contracts.data?.meta.total, 1)
  const meetings = await client.GET('/v1/sponsors/{id}/meetings', { params: { path: { id: 'alibaba-group' } } })
  t.ok((meetings.data?.data.length ?? 0) >= 2)
  const timeline = await client.GET('/v1/sponsors/{id}/timeline', { params: { path: { id: 'alibaba-group' } } })
  t.ok((timeline.data?.meta.total ?? 0) > 0)
  const categories = await client.GET('/v1/categories', { params: { query: { limit: 100 } } })
  t.ok((categories.data?.meta.total ?? 0) > 10)
  t.equal((await client.GET('/v1/categories/{id}', { params: { path: { id: 'cloud-services' } } })).data?.name, 'Cloud Services')
  const holders = await client.GET('/v1/categories/{id}/holders', { params: { path: { id: 'payment-services' }, query: { on: '2016-08-05' } } })
  t.same(holders.data?.data.map((h) => h.sponsor.id), ['visa'])
  const allContracts = await client.GET('/v1/contracts', { params: { query: { category: 'cloud-services' } } })
  t.equal(allContracts.data?.data[0]?.sponsors[0]?.id, 'alibaba-group')
  t.equal((await client.GET('/v1/contracts/{id}', { params: { path: { id: 'alibaba-group-top-2017-2028' } } })).data?.endsOn, '2028')
  const january = await client.GET('/v1/meetings', { params: { query: { from: '2019-01', to: '2019-01' } } })
  t.same(january.data?.data.map((m) => m.id), ['bach-ma-lausanne-2019-01-23'])
  t.equal((await client.GET('/v1/meetings/{id}', { params: { path: { id: 'bach-ma-lausanne-2019-01-23' } } })).data?.location.city, 'Lausanne')
  t.equal((await client.GET('/v1/games', {})).data?.meta.total, 24, 'the 24 Olympic Games editions 1988-2032')
  t.equal((await client.GET('/v1/games/{id}', { params: { path: { id: 'la-2028' } } })).data?.city, 'Los Angeles')
  t.ok((await client.GET('/v1/games/{id}/sponsors', { params: { path: { id: 'la-2028' } } })).data?.data.some((s) => s.id === 'alibaba-group'))
  t.ok(((await client.GET('/v1/sources', {})).data?.meta.total ?? 0) > 100)
  t.equal((await client.GET('/v1/sources/{id}', { params: { path: { id: 'insidethegames-2019-01-23-bach-welcomes-alibaba' } } })).data?.publisher, 'insidethegames')
  const found = await client.GET('/v1/search', { params: { query: { q: 'happiness health' } } })
  t.equal(found.data?.data[0]?.type, 'meeting')
  t.equal((await client.GET('/health', {})).data?.status, 'ok')
  t.equal((await client.GET('/ready', {})).data?.status, 'ready')

  const missing = await client.GET('/v1/sponsors/{id}', { params: { path: { id: 'nobody' } } })
  t.equal(missing.response.status, 404)
  t.equal(missing.error?.code, 'SPONSOR_NOT_FOUND')

  const { headers } = keyFor(api)
  const created = await client.POST('/v1/sponsors', {
    headers,
    body: { name: 'Typed Client Ltd', country: 'CH', headquarters: null, industry: null, website: null, description: null, sources: ['insidethegames-2019-01-23-bach-welcomes-alibaba'] }
  })
  t.equal(created.response.status, 201)
  t.equal(created.data?.id, 'typed-client-ltd')
  const changes = await client.GET('/v1/changes', { headers })
  t.equal(changes.data?.data[0]?.recordId, 'typed-client-ltd')
})
