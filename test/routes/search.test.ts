import t from 'tap'
import { loadDataset } from '../../src/seed/dataset.js'
import { toFtsQuery } from '../../src/repositories/search.js'
import { build, category, contract, dataset, meeting, sponsor } from '../helper.js'

const data = dataset({
  categories: [category('cloud-services', { name: 'Cloud Services', description: 'Computing in the cloud.' })],
  sponsors: [
    sponsor('alibaba-group', { name: 'Alibaba Group', headquarters: 'Hangzhou', description: 'E-commerce and cloud computing.' }),
    sponsor('omega', { name: 'Omega', description: 'Swiss watchmaker, Olympic timekeeper.' })
  ],
  contracts: [contract('alibaba-top', { sponsors: ['alibaba-group'], categories: ['cloud-services'], notes: 'Announced in Davos.' })],
  meetings: [meeting('lausanne', {
    sponsors: ['alibaba-group'],
    participants: [{ name: 'Thomas Bach', role: 'President', organisation: 'IOC' }, { name: 'Jack Ma', role: 'Executive Chairman', organisation: 'Alibaba Group' }],
    summary: 'Talks in Lausanne.',
    quotes: [{ speaker: 'Jack Ma', text: 'Alibaba believes in double H - happiness and health.' }]
  })]
})

t.test('a quote is found by its words, with a highlighted snippet', async (t) => {
  const api = await build(t, { seed: data })
  const res = await api.get('/v1/search?q=happiness%20health')
  t.equal(res.status, 200)
  t.equal(res.body.meta.total, 1)
  const [hit] = res.body.data
  t.equal(hit.type, 'meeting')
  t.equal(hit.id, 'lausanne')
  t.equal(hit.url, '/v1/meetings/lausanne')
  t.equal(hit.title, 'Thomas Bach, Jack Ma in Lausanne')
  t.match(hit.snippet, /<mark>happiness<\/mark> and <mark>health<\/mark>/)
  t.type(hit.score, 'number')
})

t.test('hits are typed, ranked and can be restricted to one type', async (t) => {
  const api = await build(t, { seed: data })
  const all = await api.get('/v1/search?q=alibaba')
  t.same(new Set(all.body.data.map((h: { type: string }) => h.type)), new Set(['sponsor', 'contract', 'meeting']))
  t.equal(all.body.data[0].id, 'alibaba-group', 'a title match ranks first')
  const scores = all.body.data.map((h: { score: number }) => h.score)
  t.same(scores, [...scores].sort((a, b) => b - a), 'best first')
  const onlyContracts = await api.get('/v1/search?q=alibaba&type=contract')
  t.same(onlyContracts.body.data.map((h: { id: string }) => h.id), ['alibaba-top'])
  t.equal(onlyContracts.body.data[0].title, 'Alibaba Group: Cloud Services')
  const categories = await api.get('/v1/search?q=computing&type=category')
  t.same(categories.body.data.map((h: { id: string }) => h.id), ['cloud-services'])
})

t.test('prefix matching and FTS5 syntax', async (t) => {
  const api = await build(t, { seed: data })
  const ids = async (q: string, mode = '') => (await api.get(`/v1/search?q=${encodeURIComponent(q)}${mode}`)).body.data.map((h: { id: string }) => h.id)
  t.same(await ids('timek'), ['omega'], 'a word prefix matches')
  t.same(await ids('happi heal'), ['lausanne'], 'every word must match, each as a prefix')
  t.same(await ids('"double H"'), ['lausanne'], 'quotes are punctuation: the words match')
  t.same(await ids('"double H"', '&mode=advanced'), ['lausanne'], 'a quoted phrase')
  t.same((await ids('omega OR davos', '&mode=advanced')).sort(), ['alibaba-top', 'omega'], 'OR')
  t.same(await ids('watchmaker NOT omega', '&mode=advanced'), [])
  t.same(await ids('omega OR davos'), [], 'in words mode OR is a word like any other')
  t.same(await ids('zürich'), [], 'no hit is an empty list')
  t.equal(toFtsQuery('happiness  health'), '"happiness"* "health"*')
  t.equal(toFtsQuery('TOP: sponsor:visa) "xy'), '"TOP"* "sponsor"* "visa"* "xy"*', 'columns, operators and punctuation cannot break a plain query')
  t.equal(toFtsQuery('P&G 3 m'), '"P" "G" "3" "m"', 'a single letter or digit is a word by itself')
  t.equal(toFtsQuery('a OR b', 'advanced'), 'a OR b')
})

t.test('a single letter is a word by itself: P&G finds P&G, not every p… and g… word', async (t) => {
  const api = await build(t, { seed: dataset({
    sponsors: [
      sponsor('procter-and-gamble', { name: 'Procter & Gamble', description: 'Consumer goods, known as P&G.' }),
      sponsor('pacific-games', { name: 'Pacific Games Group', description: 'Plays and games.' })
    ]
  }) })
  const ids = async (q: string) => (await api.get(`/v1/search?q=${encodeURIComponent(q)}`)).body.data.map((h: { id: string }) => h.id)
  t.same(await ids('P&G'), ['procter-and-gamble'])
  t.same(await ids('p g'), ['procter-and-gamble'], 'the same words, other punctuation')
  t.same((await ids('pac gam')).sort(), ['pacific-games'], 'two letters or more are still prefixes')
})

t.test('a word searched as itself answers as its prefix term, and follows the data', async (t) => {
  const api = await build(t, { seed: data })
  const hits = async (q: string) => (await api.get(`/v1/search?q=${encodeURIComponent(q)}`)).body.data
  // No indexed word is longer than "alibaba" or "omega" and starts with it.
  const prefix = (await api.get(`/v1/search?q=${encodeURIComponent('"alibaba"*')}&mode=advanced`)).body
  const words = (await api.get('/v1/search?q=Alibaba')).body
  t.equal(words.meta.total, 3)
  t.same(words, prefix, 'the same hits, scores and marks as the prefix term')
  t.same((await hits('omega')).map((h: { id: string }) => h.id), ['omega'])
  loadDataset(api.app.sqlite, api.app.repos, dataset({ sponsors: [sponsor('omegatron', { name: 'Omegatron Labs', description: null })] }))
  t.same((await hits('omega')).map((h: { id: string }) => h.id).sort(), ['omega', 'omegatron'], 'a longer word written since is matched by the prefix')
})

t.test('page through hits with cursors', async (t) => {
  const api = await build(t, { seed: data })
  const first = await api.get('/v1/search?q=alibaba&limit=2')
  t.equal(first.body.data.length, 2)
  t.equal(first.body.meta.total, 3)
  const second = await api.get(`/v1/search?q=alibaba&limit=2&cursor=${first.body.meta.nextCursor as string}`)
  t.equal(second.body.data.length, 1)
  t.equal(second.body.meta.nextCursor, null)
  const ids = [...first.body.data, ...second.body.data].map((h: { id: string }) => h.id)
  t.equal(new Set(ids).size, 3, 'each hit once')
  const wrong = await api.get(`/v1/sponsors?cursor=${first.body.meta.nextCursor as string}`)
  t.equal(wrong.status, 400, 'a search cursor is not a sponsors cursor')
})

t.test('the index follows every write in the same transaction', async (t) => {
  const api = await build(t, { seed: data })
  loadDataset(api.app.sqlite, api.app.repos, dataset({ sponsors: [sponsor('alibaba-group', { name: 'Taobao Holdings', description: null })] }))
  const renamed = await api.get('/v1/search?q=taobao')
  t.same(renamed.body.data.map((h: { type: string, id: string }) => `${h.type}:${h.id}`).sort(), ['contract:alibaba-top', 'sponsor:alibaba-group'], 'the sponsor and its contract\'s title follow the new name')
  const old = await api.get('/v1/search?q=hangzhou')
  t.same(old.body.data, [], 'the old text is gone')
  t.same((await api.get('/v1/sponsors?q=taobao')).body.data.map((s: { id: string }) => s.id), ['alibaba-group'])
})

t.test('bad queries are 400 problems naming q, never 500', async (t) => {
  const api = await build(t, { seed: data })
  const cases = ['"unbalanced', '*', 'NEAR(', 'a AND', '(', 'title:', 'nocolumn:x', '^']
  for (const q of cases) {
    const res = await api.get(`/v1/search?q=${encodeURIComponent(q)}&mode=advanced`)
    t.equal(res.status, 400, q)
    t.equal(res.body.code, 'INVALID_SEARCH_QUERY', q)
    t.equal(res.body.errors[0].path, '/query/q', q)
    t.match(res.body.errors[0].message, /\(mode=advanced reads it as full-text query syntax; leave mode out to search for the words\)$/, q)
    t.notMatch(res.body.detail, /fts5|syntax error|no such column|unterminated/, `${q}: in our words`)
  }
  t.match((await api.get('/v1/search?q=nocolumn:x&mode=advanced')).body.detail, /a column that does not exist \("nocolumn:"\); the columns are title and body/)
  for (const q of ['TOP:', 'sponsor:visa', 'OR', 'visa)', 'visa^', '"unbalanced', 'NEAR(', 'a AND', 'title:']) {
    for (const path of ['/v1/search', '/v1/sponsors', '/v1/meetings']) {
      t.equal((await api.get(`${path}?q=${encodeURIComponent(q)}`)).status, 200, `${path} q=${q}: plain text is words`)
    }
  }
  for (const q of ['   ', '\t']) {
    const res = await api.get(`/v1/search?q=${encodeURIComponent(q)}`)
    t.equal(res.status, 400)
    t.equal(res.body.detail, 'Query parameter "q" is empty (only spaces).')
  }
  const noWords = await api.get('/v1/sponsors?q=%5E%2A')
  t.equal(noWords.status, 400)
  t.match(noWords.body.detail, /has no words to search for/)
  for (const url of ['/v1/search', '/v1/search?q=', `/v1/search?q=${'x'.repeat(201)}`, '/v1/search?q=a&type=games', '/v1/sponsors?q=%22open&mode=advanced', '/v1/meetings?q=NEAR(&mode=advanced', '/v1/search?q=a&mode=fancy']) {
    const res = await api.get(url)
    t.equal(res.status, 400, url)
    t.match(res.body.errors[0].path, /^\/query\/(q|type|mode)$/, url)
  }
})
