// Every documented filter and sort is served by an index: the query plan of each list
// query may walk an index, but never scans a large table row by row.
import t from 'tap'
import { build, category, contract, dataset, game, meeting, programme, source, sponsor } from './helper.js'

const LARGE = new Set(['sponsors', 'sponsor_names', 'contracts', 'meetings', 'contract_sponsors', 'contract_categories', 'contract_games', 'meeting_sponsors', 'meeting_participants', 'meeting_quotes', 'search_docs', 'sponsor_facts', 'sources'])

const sources = Array.from({ length: 300 }, (_, i) => source(`src-${i}`))
const sponsors = Array.from({ length: 300 }, (_, i) => sponsor(`s${i}`, { name: `Company ${i}`, country: i % 2 === 0 ? 'CN' : 'US', description: `Maker of widget ${i}`, formerNames: i % 5 === 0 ? [{ name: `Old Company ${i}`, from: null, until: `${2000 + (i % 20)}` }] : [], sources: [`src-${i}`, `src-${(i + 1) % 300}`] }))
const data = dataset({
  sources,
  games: [game('paris-2024', 2024), game('la-2028', 2028)],
  categories: sponsors.map((s) => category(`k-${s.id}`)),
  sponsors,
  contracts: sponsors.map((s, i) => contract(`c-${s.id}`, { sources: [`src-${i}`], sponsors: [s.id], categories: [`k-${s.id}`], startsOn: `${2000 + (i % 20)}`, endsOn: `${2020 + (i % 12)}`, games: i % 3 === 0 ? ['paris-2024'] : ['la-2028'] })),
  programmes: Array.from({ length: 12 }, (_, i) => programme(`top-${i}`, `${1985 + 4 * i}`, `${1988 + 4 * i}`, { sources: [`src-${i}`] })),
  meetings: sponsors.map((s, i) => meeting(`m-${s.id}`, { sources: [`src-${i}`], sponsors: [s.id], date: `${2000 + (i % 25)}-0${1 + (i % 9)}`, summary: `Talks number ${i}` }))
})

const URLS = [
  '/v1/sponsors', '/v1/sponsors?sort=-name', '/v1/sponsors?sort=country', '/v1/sponsors?sort=id',
  '/v1/sponsors?country=CN', '/v1/sponsors?country=CN&sort=id', '/v1/sponsors?category=k-s1', '/v1/sponsors?games=la-2028',
  '/v1/sponsors?activeOn=2021-01-01', '/v1/sponsors?status=active', '/v1/sponsors?status=former', '/v1/sponsors?q=widget',
  '/v1/contracts', '/v1/contracts?sort=-endsOn', '/v1/contracts?sort=id', '/v1/contracts?sponsor=s7', '/v1/contracts?category=k-s7',
  '/v1/contracts?games=paris-2024', '/v1/contracts?activeOn=2010-06-01', '/v1/contracts?status=active', '/v1/contracts?status=expired', '/v1/contracts?status=upcoming',
  '/v1/meetings', '/v1/meetings?sort=-date', '/v1/meetings?sponsor=s3', '/v1/meetings?participant=bach', '/v1/meetings?from=2010&to=2012', '/v1/meetings?q=talks',
  '/v1/categories', '/v1/categories/k-s1/holders?on=2010-01-01', '/v1/games/paris-2024/sponsors', '/v1/sources', '/v1/games',
  '/v1/search?q=widget', '/v1/search?q=talks&type=meeting', '/v1/sponsors/s1/contracts', '/v1/sponsors/s1/meetings', '/v1/sponsors/s1/timeline',
  '/v1/programmes', '/v1/programmes?sort=name', '/v1/programmes?sort=-startsOn', '/v1/programmes/top-8', '/v1/contracts?programme=top-8', '/v1/sponsors?programme=top-8', '/v1/sponsors?q=old'
]

t.test('no list query scans a large table', async (t) => {
  const api = await build(t, { seed: data })
  const sqlite = api.app.sqlite
  const seen = new Set<string>()
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((source: string) => {
    if (/^\s*select/i.test(source)) seen.add(source)
    return prepare(source)
  })
  t.teardown(() => { sqlite.prepare = prepare })

  for (const url of URLS) {
    const res = await api.get(url)
    t.equal(res.status, 200, url)
  }
  t.ok(seen.size >= 30, `recorded ${seen.size} distinct queries`)
  for (const source of seen) {
    const plan = prepare(`explain query plan ${source}`).all(...placeholders(source)) as Array<{ detail: string }>
    const scans = plan.map((row) => row.detail).filter((detail) => {
      const match = /^SCAN (\w+)( AS \w+)?$/.exec(detail)
      return match !== null && LARGE.has(match[1] ?? '')
    })
    t.same(scans, [], `no full scan in: ${source.replace(/\s+/g, ' ').slice(0, 160)}`)
  }
})

/** EXPLAIN needs a value for each parameter; nulls do for planning. */
function placeholders (source: string): Array<Record<string, null> | null> {
  const named = [...source.matchAll(/[:@$](\w+)/g)].map((m) => m[1] ?? '')
  if (named.length > 0) return [Object.fromEntries(named.map((name) => [name, null]))]
  return Array.from({ length: (source.match(/\?/g) ?? []).length }, () => null)
}
