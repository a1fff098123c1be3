import t from 'tap'
import { build, category, contract, dataset, game, programme, sponsor, TODAY, type Api } from '../helper.js'
import { PAGE_CSP } from '../../src/explore/page.js'

const data = dataset({
  games: [game('atlanta-1996', 1996, { name: 'Atlanta 1996' }), game('nagano-1998', 1998, { name: 'Nagano 1998', season: 'winter', startsOn: '1998-02-07', endsOn: '1998-02-22' })],
  categories: [category('drinks', { name: 'Drinks & Juices' }), category('food', { name: 'Food' })],
  sponsors: [
    sponsor('cola', { name: 'Cola <Co>', country: 'US' }),
    sponsor('dairy', { name: 'Dairy', country: 'CN', formerNames: [{ name: 'Milk Co', from: '1990', until: '2001-03' }, { name: 'Dairy Holdings', from: null, until: null }] }),
    sponsor('burger', { name: 'Burger', country: 'US' })
  ],
  programmes: [
    programme('top-old', '1985', '2016', { name: 'TOP Old', partnerCount: 2 }),
    programme('top-new', '2017', '2032', { name: 'TOP New', partnerCount: 4 })
  ],
  contracts: [
    contract('cola-old', { sponsors: ['cola'], categories: ['drinks'], startsOn: '1985', endsOn: '2020', games: ['atlanta-1996'] }),
    contract('joint', { sponsors: ['cola', 'dairy'], categories: ['drinks', 'food'], startsOn: '2021', endsOn: '2032' }),
    contract('burger-early', { sponsors: ['burger'], categories: ['food'], startsOn: '1997', endsOn: '2017-06-16', endedEarly: true }),
    contract('dairy-open', { sponsors: ['dairy'], categories: ['food'], startsOn: '2033', endsOn: null })
  ]
})

/** The contract ids with a bar (a joint contract has one in each partner's row). */
function barsOf (markup: string): string[] {
  return [...new Set([...markup.matchAll(/<a href="\/v1\/contracts\/([^"]+)" data-contract="\1" class="bar">/g)].map((m) => m[1] ?? ''))].sort()
}

async function apiIds (api: Api, query: string): Promise<string[]> {
  const res = await api.get(`/v1/contracts?${query}${query === '' ? '' : '&'}limit=100`)
  t.equal(res.status, 200)
  t.equal(res.body.meta.nextCursor, null, 'one page holds them all')
  return (res.body.data as Array<{ id: string }>).map((c) => c.id).sort()
}

/** Every tag closed in order, attributes quoted: enough to catch broken markup. */
function wellFormed (xml: string): string | undefined {
  const stack: string[] = []
  for (const match of xml.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|#39);)/g)) {
    const [whole, closing, name, , selfClosing] = match
    if (name === undefined) return `stray "${whole}" at ${match.index}`
    if (selfClosing === '/') continue
    if (closing === '/') {
      if (stack.pop() !== name) return `</${name}> at ${match.index} closes nothing open`
    } else stack.push(name)
  }
  return stack.length === 0 ? undefined : `unclosed ${stack.join(', ')}`
}

t.test('GET /explore draws every contract of the seeded record, linked', async (t) => {
  const api = await build(t, { seed: { dir: 'seed' } })
  const all = await apiIds(api, '')
  const page = await api.get('/explore')
  t.equal(page.status, 200)
  t.equal(page.headers['content-type'], 'text/html; charset=utf-8')
  t.same(barsOf(page.text), all, 'a bar per contract, each linking to its JSON')
  for (const id of all) t.match(page.text, `<tr data-contract="${id}"><td><a href="/v1/contracts/${id}">`, `${id} is in the table`)
  t.ok(page.text.length < 200_000, `the page weighs ${page.text.length} bytes`)
  t.match(page.text, /<a href="\/v1\/sponsors\/[a-z0-9-]+\/timeline" data-sponsor=/, 'rows link to timelines')

  const svg = await api.get('/explore/chart.svg')
  t.equal(svg.status, 200)
  t.equal(svg.headers['content-type'], 'image/svg+xml; charset=utf-8')
  t.same(barsOf(svg.text), all)
  t.equal(wellFormed(svg.text), undefined, 'the SVG is well-formed')
  t.equal(wellFormed(page.text.slice(page.text.indexOf('<svg'), page.text.indexOf('</svg>') + 6)), undefined, 'so is the chart inline')
  t.ok((svg.text.match(/<title>/g) ?? []).length > all.length, 'titles on bars, rows and ticks')
  t.match(svg.text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" [^>]*role="img" aria-labelledby="chart-title chart-desc"/)
  t.notMatch(svg.text, /<script|<style|style=/, 'no script, no style to allow')
})

t.test('rows, bars, ticks and today', async (t) => {
  const api = await build(t, { seed: data })
  const svg = (await api.get('/explore/chart.svg')).text
  t.equal(wellFormed(svg), undefined)
  t.same(barsOf(svg), ['burger-early', 'cola-old', 'dairy-open', 'joint'])
  t.equal(svg.match(/data-contract="joint"/g)?.length, 2, 'a joint contract has a bar in each partner\'s row')
  t.equal(svg.match(/data-sponsor="/g)?.length, 3, 'one row per partner')
  t.ok(svg.indexOf('data-sponsor="cola"') < svg.indexOf('data-sponsor="burger"'), 'rows in the order partners joined')
  t.match(svg, 'Cola &lt;Co&gt; <tspan fill="#6a737d">US</tspan>', 'names are escaped')
  t.match(svg, '<title>Cola &lt;Co&gt; + Dairy: Drinks &amp; Juices, Food, 2021 – 2032. Contract joint, 1 source.</title>')
  t.match(svg, 'Burger: Food, 1997 – 2017-06-16 (ended early)')
  t.match(svg, 'open-ended (no end announced)')
  t.match(svg, /data-contract="joint" class="bar"><title>[^<]*<\/title><rect [^>]*height="7" fill="#4e79a7"\/><rect [^>]*height="7" fill="#f28e2b"\/>/, 'one stripe per category')
  t.match(svg, '<g class="games" data-games="nagano-1998"><title>Nagano 1998 (winter Games)</title>')
  t.match(svg, '<g class="games" data-games="atlanta-1996">')
  t.match(svg, `<title>Today, ${TODAY}</title>`)
  t.match(svg, '<title id="chart-title">TOP partners 1985–2032</title><desc id="chart-desc">4 contracts of 3 partners, 1985–2032.</desc>')
})

t.test('programme editions as bands and as a table; names over time', async (t) => {
  const api = await build(t, { seed: data })
  const page = (await api.get('/explore')).text
  t.match(page, /<g class="programme" data-programme="top-old"><title>TOP Old: 1985–2016<\/title><rect x="250" /)
  t.match(page, '<g class="programme" data-programme="top-new"><title>TOP New: 2017–2032</title>')
  t.match(page, '<option value="top-new">TOP New</option>', 'the form offers the editions')
  t.match(page, '<tr data-programme="top-old"><th scope="row"><a href="/explore?programme=top-old">TOP Old</a></th><td class="n">1985–2016</td>' +
    '<td><a href="/v1/sponsors/burger/timeline">Burger</a> (Food); <a href="/v1/sponsors/cola/timeline">Cola &lt;Co&gt;</a> (Drinks &amp; Juices)</td>' +
    '<td class="n">2</td><td class="n">2</td></tr>', 'partners with their categories, the record\'s count beside the IOC\'s')
  t.match(page, '(Drinks &amp; Juices, Food)</td><td class="n diff">3</td><td class="n">4</td></tr>', 'a count that differs stands out')
  t.match(page, 'Milk Co (1990–2001-03), Dairy Holdings', 'former names on the row')
  t.match(page, '<li>Dairy: formerly Milk Co (1990–2001-03), Dairy Holdings</li>')

  const filtered = await api.get('/explore?programme=top-old')
  t.same(barsOf(filtered.text), await apiIds(api, 'programme=top-old'))
  t.same(barsOf(filtered.text), ['burger-early', 'cola-old'])
  t.match(filtered.text, '<title>TOP partners 1985–2032: programme TOP Old</title>')
  const unknown = await api.get('/explore/chart.svg?programme=top-ix')
  t.equal(unknown.status, 400)
  t.equal(unknown.body.detail, 'Query parameter "programme" names no known TOP programme edition ("top-ix").')
})

t.test('filters show what /v1/contracts returns for the same query', async (t) => {
  const api = await build(t, { seed: data })
  for (const query of ['category=drinks', 'country=CN', 'country=US', 'programme=top-new', 'activeOn=2000-01-01', 'category=food&country=US', 'activeOn=1984-01-01']) {
    const page = await api.get(`/explore?${query}`)
    t.equal(page.status, 200, query)
    const expected = await apiIds(api, query)
    t.same(barsOf(page.text), expected, query)
    t.same(barsOf((await api.get(`/explore/chart.svg?${query}`)).text), expected, `${query} (SVG)`)
    t.match(page.text, `<a href="/v1/contracts?${query.replace('&', '&amp;')}&amp;limit=100" id="api-request">`, `${query}: the page names the JSON request`)
  }
  t.same(await apiIds(api, 'country=CN'), ['dairy-open', 'joint'], 'country: contracts with a partner based there')
  const none = await api.get('/explore?activeOn=1984-01-01')
  t.match(none.text, 'No contract matches these filters.')
  t.match(none.text, '<title>TOP partners 1985–2032: active on 1984-01-01</title>')

  const form = await api.get('/explore?category=drinks&country=&activeOn=')
  t.equal(form.status, 200, 'a form\'s empty fields mean "any"')
  t.same(barsOf(form.text), await apiIds(api, 'category=drinks'))
  t.match(form.text, '<option value="drinks" selected>Drinks &amp; Juices</option>', 'the form shows the filter applied')
  t.match(form.text, '<title>TOP partners 1985–2032: category Drinks &amp; Juices</title>')
})

t.test('a bad filter is a 400 problem, as on /v1/contracts', async (t) => {
  const api = await build(t, { seed: data })
  for (const url of ['/explore?category=nope', '/explore/chart.svg?category=nope']) {
    const res = await api.get(url)
    t.equal(res.status, 400)
    t.equal(res.body.detail, 'Query parameter "category" names no known category ("nope").')
  }
  const cases: Array<[string, string]> = [
    ['/explore?activeOn=2026-02-30', '/query/activeOn'],
    ['/explore?country=usa', '/query/country'],
    ['/explore/chart.svg?colour=red', '/query/colour'],
    ['/explore?category=Not%20An%20Id', '/query/category']
  ]
  for (const [url, path] of cases) {
    const res = await api.get(url)
    t.equal(res.status, 400, url)
    t.equal(res.body.code, 'VALIDATION_FAILED', url)
    t.equal(res.body.errors[0].path, path, url)
  }
})

t.test('ETag, 304, Cache-Control and the page\'s own Content-Security-Policy', async (t) => {
  const api = await build(t, { seed: data })
  for (const url of ['/explore', '/explore/chart.svg?country=US']) {
    const first = await api.get(url)
    t.match(first.headers.etag, /^"[^"]+"$/, url)
    t.equal(first.headers['cache-control'], 'public, max-age=60')
    const again = await api.get(url, { 'if-none-match': String(first.headers.etag) })
    t.equal(again.status, 304, url)
    t.equal(again.text, '')
    t.equal(again.headers.etag, first.headers.etag)
  }
  const page = await api.get('/explore')
  t.equal(page.headers['content-security-policy'], PAGE_CSP, 'the page\'s policy wins over the API\'s')
  t.match(PAGE_CSP, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/)
  t.notMatch(page.text, /<script|style=/, 'no script, no inline style attribute')
  const style = /<style>([^<]*)<\/style>/.exec(page.text)?.[1] ?? ''
  const { createHash } = await import('node:crypto')
  t.match(PAGE_CSP, `'sha256-${createHash('sha256').update(style).digest('base64')}'`, 'the one stylesheet is the hashed one')
  const svg = await api.get('/explore/chart.svg')
  t.equal(svg.headers['content-security-policy'], "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
  const json = await api.get('/v1/contracts')
  t.equal(json.headers['content-security-policy'], "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'", 'the API\'s stays strict')
})

t.test('the page weighs under 200 KB at 60 contracts', async (t) => {
  const sponsors = Array.from({ length: 45 }, (_, i) => sponsor(`partner-${i}`, { name: `Partner number ${i} International Holdings` }))
  const categories = Array.from({ length: 50 }, (_, i) => category(`category-${i}`, { name: `Category ${i} equipment and services` }))
  const contracts = Array.from({ length: 60 }, (_, i) => contract(`partner-${i % 45}-top-${1985 + (i % 40)}`, {
    sponsors: [`partner-${i % 45}`],
    categories: [`category-${i % 50}`],
    startsOn: String(1985 + (i % 40)),
    endsOn: String(1986 + (i % 40)),
    sources: ['src']
  }))
  const api = await build(t, { seed: dataset({ sponsors, categories, contracts }) })
  const page = await api.get('/explore')
  t.equal(barsOf(page.text).length, 60)
  t.ok(page.text.length < 200_000, `${page.text.length} bytes`)
})
