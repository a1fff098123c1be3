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

t.test('contracts running on a day: every term length, both starts orders, page by page', async (t) => {
  // Terms of every class the list reads by (0–15 years, up to 31, up to 63, longer,
  // open-ended), starts and ends of every precision; the expected lists are computed here.
  const starts = ['1950', '1962-03', '1978-11-30', '1990', '1999-07', '2004-02-29', '2011', '2016-05-17', '2020', '2023-12', '2026-06-15', '2027']
  const lengths = [0, 1, 2, 3, 5, 8, 11, 15, 16, 24, 31, 32, 47, 63, 64, 90, null]
  const ends = (start: string, years: number | null, i: number): string | null => {
    if (years === null) return null
    const year = String(Number(start.slice(0, 4)) + years)
    if (years === 0) return year
    return [year, `${year}-0${1 + (i % 9)}`, `${year}-0${1 + (i % 9)}-1${i % 10}`][i % 3] ?? year
  }
  const terms = starts.flatMap((start, s) => lengths.map((years, l) => ({ id: `t-${s}-${l}`, startsOn: start, endsOn: ends(start, years, s + l) })))
  const api = await build(t, {
    seed: dataset({
      sponsors: [sponsor('s')],
      categories: [category('k')],
      contracts: terms.map((term) => contract(term.id, { sponsors: ['s'], categories: ['k'], startsOn: term.startsOn, endsOn: term.endsOn }))
    })
  })
  const first = (date: string) => date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date
  const last = (date: string | null) => date === null
    ? '9999-12-31'
    : date.length === 4 ? `${date}-12-31` : date.length === 7 ? new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).toISOString().slice(0, 10) : date
  const read = async (query: string) => {
    const ids: string[] = []
    let url: string | null = `/v1/contracts?${query}&limit=4`
    let total = -1
    while (url !== null) {
      const res = await api.get(url)
      t.equal(res.status, 200, url)
      ids.push(...res.body.data.map((c: { id: string }) => c.id))
      total = res.body.meta.total
      url = res.body.meta.nextCursor === null ? null : `/v1/contracts?${query}&limit=4&cursor=${res.body.meta.nextCursor as string}`
    }
    return { ids, total }
  }
  for (const day of ['1949-12-31', '1950-01-01', '1965-06-30', '1990-01-01', '2004-02-29', '2011-12-31', '2020-07-24', TODAY, '2100-01-01']) {
    const running = terms.filter((term) => first(term.startsOn) <= day && last(term.endsOn) >= day)
      .sort((a, b) => first(a.startsOn) < first(b.startsOn) ? -1 : first(a.startsOn) > first(b.startsOn) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
      .map((term) => term.id)
    const queries = [`activeOn=${day}`, `activeOn=${day}&sort=-startsOn`, ...(day === TODAY ? ['status=active', 'status=active&sort=-startsOn'] : [])]
    for (const query of queries) {
      const { ids, total } = await read(query)
      t.same(ids, query.includes('-startsOn') ? [...running].reverse() : running, query)
      t.equal(total, running.length, `${query}: total`)
    }
  }
})
