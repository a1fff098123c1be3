import t from 'tap'
import { build, category, contract, dataset, game, sponsor, TODAY } from '../helper.js'

const data = dataset({
  games: [game('tokyo-2020', 2020), game('paris-2024', 2024)],
  categories: [category('drinks', { name: 'Non-Alcoholic Beverages' }), category('food')],
  sponsors: [sponsor('cola', { name: 'Cola' }), sponsor('dairy', { name: 'Dairy', country: 'CN' }), sponsor('burger', { name: 'Burger' })],
  contracts: [
    contract('joint', { sponsors: ['cola', 'dairy'], categories: ['drinks'], signedOn: '2019-06-24', startsOn: '2021', endsOn: '2032', games: ['paris-2024'], notes: 'Joint partnership.' }),
    contract('burger-early', { sponsors: ['burger'], categories: ['food'], startsOn: '1997', endsOn: '2017-06-16', endedEarly: true, games: [] }),
    contract('cola-next', { sponsors: ['cola'], categories: ['food'], startsOn: '2033', endsOn: null })
  ]
})

t.test('GET /v1/contracts/{id} embeds sponsors, categories, games and sources', async (t) => {
  const api = await build(t, { seed: data })
  const res = await api.get('/v1/contracts/joint')
  t.equal(res.status, 200)
  t.same(res.body, {
    id: 'joint',
    sponsors: [{ id: 'cola', name: 'Cola' }, { id: 'dairy', name: 'Dairy' }],
    categories: [{ id: 'drinks', name: 'Non-Alcoholic Beverages' }],
    programme: 'TOP',
    signedOn: '2019-06-24',
    startsOn: '2021',
    endsOn: '2032',
    games: [{ id: 'paris-2024', name: 'Games 2024' }],
    territory: 'worldwide',
    endedEarly: false,
    notes: 'Joint partnership.',
    status: 'active',
    sources: [{ id: 'src', title: 'Title of src', url: 'https://example.org/src' }]
  })
  const missing = await api.get('/v1/contracts/none')
  t.equal(missing.status, 404)
  t.equal(missing.body.code, 'CONTRACT_NOT_FOUND')
})

t.test('status is derived from the term and today', async (t) => {
  const api = await build(t, { seed: data })
  t.equal(TODAY, '2026-06-15')
  const status = async (id: string) => (await api.get(`/v1/contracts/${id}`)).body.status
  t.equal(await status('joint'), 'active')
  t.equal(await status('burger-early'), 'expired')
  t.equal(await status('cola-next'), 'upcoming')
  t.equal((await api.get('/v1/contracts/burger-early')).body.endedEarly, true)
})

t.test('contract filters', async (t) => {
  const api = await build(t, { seed: data })
  const ids = async (query: string) => {
    const res = await api.get(`/v1/contracts?${query}`)
    t.equal(res.status, 200, query)
    return res.body.data.map((c: { id: string }) => c.id)
  }
  t.same(await ids(''), ['burger-early', 'joint', 'cola-next'], 'default sort is startsOn')
  t.same(await ids('sort=-startsOn'), ['cola-next', 'joint', 'burger-early'])
  t.same(await ids('sort=endsOn'), ['burger-early', 'joint', 'cola-next'], 'open-ended sorts last')
  t.same(await ids('sponsor=dairy'), ['joint'])
  t.same(await ids('sponsor=cola'), ['joint', 'cola-next'])
  t.same(await ids('category=food'), ['burger-early', 'cola-next'])
  t.same(await ids('games=paris-2024'), ['joint'])
  t.same(await ids('status=active'), ['joint'])
  t.same(await ids('status=expired'), ['burger-early'])
  t.same(await ids('status=upcoming'), ['cola-next'])
  t.same(await ids('activeOn=2017-06-16'), ['burger-early'], 'the last day of an early end still counts')
  t.same(await ids('activeOn=2017-06-17'), [])
  t.same(await ids('activeOn=2021-01-01'), ['joint'], 'a start year begins on 1 January')
  t.same(await ids('activeOn=2032-12-31'), ['joint'], 'an end year lasts to 31 December')
  t.same(await ids('activeOn=2040-01-01&category=food'), ['cola-next'])
  t.same(await ids('sponsor=cola&status=upcoming'), ['cola-next'])
  t.same(await ids('country=CN'), ['joint'], 'country: a partner of the contract is based there')
  t.same(await ids('country=US'), ['burger-early', 'joint', 'cola-next'])
  t.same(await ids('country=FR'), [])
})

t.test('bad contract filters answer 400', async (t) => {
  const api = await build(t, { seed: data })
  const cases: Array<[string, string]> = [['sponsor=ghost', '/query/sponsor'], ['status=done', '/query/status'], ['activeOn=2019-13-45', '/query/activeOn'], ['activeOn=2019', '/query/activeOn'], ['sort=signedOn', '/query/sort'], ['country=cn', '/query/country']]
  for (const [query, path] of cases) {
    const res = await api.get(`/v1/contracts?${query}`)
    t.equal(res.status, 400, query)
    t.equal(res.body.errors[0].path, path, query)
  }
})
