import t from 'tap'
import { build, category, contract, dataset, game, sponsor } from '../helper.js'

const data = dataset({
  games: [
    game('paris-2024', 2024, { name: 'Paris 2024', city: 'Paris', startsOn: '2024-07-26', endsOn: '2024-08-11' }),
    game('beijing-2022', 2022, { name: 'Beijing 2022', season: 'winter', city: 'Beijing', country: 'CN' }),
    game('la-2028', 2028, { name: 'LA 2028', city: 'Los Angeles', country: 'US' })
  ],
  categories: [category('cloud'), category('tyres')],
  sponsors: [sponsor('alibaba', { name: 'Alibaba', country: 'CN' }), sponsor('tyreco', { name: 'Tyreco', country: 'JP' })],
  contracts: [
    contract('a', { sponsors: ['alibaba'], categories: ['cloud'], startsOn: '2017', endsOn: '2028', games: ['beijing-2022', 'paris-2024', 'la-2028'] }),
    contract('t', { sponsors: ['tyreco'], categories: ['tyres'], startsOn: '2014-06-13', endsOn: '2024', games: ['beijing-2022', 'paris-2024'] })
  ]
})

t.test('GET /v1/games lists by year, filters by season', async (t) => {
  const api = await build(t, { seed: data })
  const list = await api.get('/v1/games')
  t.same(list.body.data.map((g: { id: string }) => g.id), ['beijing-2022', 'paris-2024', 'la-2028'])
  const winter = await api.get('/v1/games?season=winter')
  t.same(winter.body.data.map((g: { id: string }) => g.id), ['beijing-2022'])
  const byName = await api.get('/v1/games?sort=-name')
  t.same(byName.body.data.map((g: { id: string }) => g.id), ['paris-2024', 'la-2028', 'beijing-2022'])
  t.equal((await api.get('/v1/games?season=spring')).status, 400)
})

t.test('GET /v1/games/{id}', async (t) => {
  const api = await build(t, { seed: data })
  const res = await api.get('/v1/games/paris-2024')
  t.same(res.body, {
    id: 'paris-2024', name: 'Paris 2024', season: 'summer', year: 2024, city: 'Paris', country: 'FR', startsOn: '2024-07-26', endsOn: '2024-08-11',
    sources: [{ id: 'src', title: 'Title of src', url: 'https://example.org/src' }]
  })
  t.equal((await api.get('/v1/games/atlantis-1900')).body.code, 'GAME_NOT_FOUND')
})

t.test('GET /v1/games/{id}/sponsors follows the contracts\' covered editions', async (t) => {
  const api = await build(t, { seed: data })
  const ids = async (url: string) => (await api.get(url)).body.data.map((s: { id: string }) => s.id)
  t.same(await ids('/v1/games/paris-2024/sponsors'), ['alibaba', 'tyreco'])
  t.same(await ids('/v1/games/la-2028/sponsors'), ['alibaba'])
  t.same(await ids('/v1/games/paris-2024/sponsors?country=JP'), ['tyreco'])
  t.same(await ids('/v1/games/paris-2024/sponsors?status=former'), ['tyreco'])
  t.equal((await api.get('/v1/games/atlantis-1900/sponsors')).status, 404)
  t.equal((await api.get('/v1/games/paris-2024/sponsors?games=la-2028')).status, 400, 'the Games come from the path')
})
