// The reviewed data in seed/: complete, consistent and checked against the facts file.
import t from 'tap'
import { firstDay, lastDay } from '../src/lib/partial-date.js'
import { readDataset, loadDataset, validateDataset } from '../src/seed/dataset.js'
import { build, keyFor, type Api } from './helper.js'

const data = readDataset('seed')

/** seed/programmes.json: the TOP editions with the partner counts the IOC published. */
const programmes = data.programmes
type Programme = (typeof programmes)[number]

/**
 * Contracts whose Games are not simply the editions held within their term, each with the reason
 * (the contract's notes say the same). Anything else that differs is an error.
 */
const GAMES_EXCEPTIONS: Record<string, { without: string[], reason: string }> = {
  'ups-top-1994-2000': { without: ['lillehammer-1994'], reason: 'joined in 1994; its first Games as a worldwide partner were Atlanta 1996' }
}

/**
 * Editions with fewer seeded partners than the IOC counted for their quadrennial, with the reason.
 * The count is per quadrennial; partners who joined during it missed its earlier edition.
 */
const COUNT_EXCEPTIONS: Record<string, string> = {
  'calgary-1988': 'two of the nine TOP I partners are not named in any source found',
  'seoul-1988': 'two of the nine TOP I partners are not named in any source found',
  'lillehammer-1994': 'UPS joined TOP III in 1994, but its first Games as a worldwide partner were Atlanta 1996',
  'torino-2006': 'Johnson & Johnson\'s TOP VI rights began after Torino 2006',
  'vancouver-2010': 'Dow (16 July 2010) and P&G (28 July 2010) joined TOP VII after Vancouver',
  'sochi-2014': 'Bridgestone joined TOP VIII in June 2014, after Sochi'
}

/**
 * Editions whose TOP partners the IOC counted at the time of those Games, with the source that says so.
 * The seeded partners of each must match that count exactly.
 */
const GAMES_COUNTS: Record<string, { count: number, source: string }> = {
  'vancouver-2010': { count: 9, source: 'olympic-org-2010-02-06-making-games-possible' },
  'london-2012': { count: 11, source: 'olympic-review-2012-olympic-sponsorship' },
  'rio-2016': { count: 11, source: 'olympic-review-101-rio-2016-marketing' },
  'pyeongchang-2018': { count: 13, source: 'olympic-review-105-top-partners-pyeongchang-2018' }
}

/** Programmes whose seeded partners cannot match the IOC's count, with the reason. */
const PROGRAMME_EXCEPTIONS: Record<string, string> = {
  'top-i': 'seven of the nine TOP I partners are identified'
}

/** An edition counts in the year it is named for: Tokyo 2020, held in 2021, belongs to 2020. */
function nominal (year: number, day: string): string {
  return `${year}${day.slice(4)}`
}

function editionsWithin (startsOn: string, endsOn: string | null): string[] {
  const from = firstDay(startsOn)
  const to = endsOn === null ? '9999-12-31' : lastDay(endsOn)
  return data.games
    .filter((g) => g.startsOn !== null && g.endsOn !== null && from <= nominal(g.year, g.startsOn) && nominal(g.year, g.endsOn) <= to)
    .map((g) => g.id)
}

/** Sponsors holding a contract whose term overlaps the period (the programmes' rule). */
function partnersOf (p: Programme): string[] {
  const from = firstDay(p.startsOn)
  const to = lastDay(p.endsOn)
  const ids = data.contracts
    .filter((c) => firstDay(c.startsOn) <= to && (c.endsOn === null ? '9999-12-31' : lastDay(c.endsOn)) >= from)
    .flatMap((c) => c.sponsors)
  return [...new Set(ids)].sort()
}

t.test('the dataset is valid: schemas, references, dates, terms', async (t) => {
  t.doesNotThrow(() => { validateDataset(data) })
})

t.test('it covers the programme', async (t) => {
  t.ok(data.sponsors.length >= 20, `${data.sponsors.length} sponsors`)
  t.same(data.games.filter((g) => g.year >= 2018).map((g) => g.id), [
    'pyeongchang-2018', 'tokyo-2020', 'beijing-2022', 'paris-2024', 'milano-cortina-2026', 'la-2028', 'french-alps-2030', 'brisbane-2032'
  ])
  t.ok(data.meetings.length >= 10, `${data.meetings.length} meetings`)
  const withContract = new Set(data.contracts.flatMap((c) => c.sponsors))
  t.same(data.sponsors.filter((s) => !withContract.has(s.id)).map((s) => s.id), [], 'every sponsor has a contract')
})

t.test('every record has a source and every source is used', async (t) => {
  const used = new Set<string>()
  for (const key of ['games', 'categories', 'sponsors', 'contracts', 'programmes', 'meetings', 'facts'] as const) {
    for (const record of data[key]) {
      t.ok(record.sources.length > 0, `${key} ${record.id} has a source`)
      record.sources.forEach((id) => used.add(id))
    }
  }
  const known = new Set(data.sources.map((s) => s.id))
  t.same([...used].filter((id) => !known.has(id)), [], 'every cited source exists')
  t.same(data.sources.filter((s) => !used.has(s.id)).map((s) => s.id), [], 'no unused source')
  t.same(data.sources.filter((s) => !/^https?:\/\//.test(s.url)).map((s) => s.id), [], 'every source has a URL')
})

/** True when the partial date `a` is before `b` at the precision they share ('2018-09-17' is before '2018-09-18', '2018' is not before '2018-09'). */
function before (a: string, b: string): boolean {
  const n = Math.min(a.length, b.length)
  return a.slice(0, n) < b.slice(0, n)
}

t.test('meetings and facts: what the sources say happened, as they date it', async (t) => {
  const published = new Map(data.sources.map((s) => [s.id, s.publishedOn]))
  const dated = [...data.meetings.map((m) => ({ kind: 'meeting', ...m })), ...data.facts.map((f) => ({ kind: 'fact', ...f }))]
  // A preview (published before the day) may be cited, but not as the only evidence that it happened.
  const onlyPreviews = dated.filter((r) => r.sources.every((id) => { const on = published.get(id); return on != null && before(on, r.date) }))
  t.same(onlyPreviews.map((r) => `${r.kind} ${r.id}`), [], 'every meeting and fact has a source not published before it')
  // An id that ends with a date agrees with the record's date (ids are stable, so a day may be added later).
  const contradicted = data.meetings.filter((m) => {
    const suffix = /(\d{4}(?:-\d{2}){0,2})$/.exec(m.id)?.[1]
    return suffix !== undefined && !m.date.startsWith(suffix)
  })
  t.same(contradicted.map((m) => m.id), [], 'no meeting id names another date')
  // Everyone listed was there: a name only quoted from a statement is said in the summary, not listed.
  const ge = data.meetings.find((m) => m.id === 'ge-extension-moscow-2011-06-29')
  t.same(ge?.participants.map((p) => p.name), ['Jeff Immelt'], 'Rogge, quoted from Lausanne, is not a participant in Moscow')
  const davos = data.meetings.find((m) => m.id === 'bach-ma-davos-2017-01-19')
  t.same(davos?.participants.map((p) => p.name), ['Thomas Bach', 'Jack Ma', 'Daniel Zhang', 'Timo Lumme'], 'the panel the Forum introduced')
  const unknownRoles = data.meetings.flatMap((m) => m.participants.filter((p) => p.role === null).map((p) => `${m.id}: ${p.name}`))
  t.same(unknownRoles, [], 'every participant\'s role is one a source states')
})

t.test('no two contracts of different sponsors hold a category over overlapping periods', async (t) => {
  const terms = data.contracts.map((c) => ({ ...c, from: firstDay(c.startsOn), to: c.endsOn === null ? '9999-12-31' : lastDay(c.endsOn) }))
  const clashes: string[] = []
  for (const [i, a] of terms.entries()) {
    for (const b of terms.slice(i + 1)) {
      const shared = a.categories.filter((k) => b.categories.includes(k))
      const sameSponsor = a.sponsors.some((s) => b.sponsors.includes(s))
      if (shared.length > 0 && !sameSponsor && a.from <= b.to && b.from <= a.to) clashes.push(`${a.id} / ${b.id}`)
    }
  }
  t.same(clashes, [])
  // A category whose name contains another's ("… and Computing Equipment") covers that ground too.
  const names = new Map(data.categories.map((c) => [c.id, c.name.toLowerCase()]))
  const covers = (wide: string, narrow: string) => wide !== narrow && new RegExp(`\\b${(names.get(narrow) ?? narrow).replace(/[^a-z0-9 ]/g, '.')}\\b`).test(names.get(wide) ?? wide)
  const wider: string[] = []
  for (const a of terms) {
    for (const b of terms) {
      const covered = a.categories.some((wide) => b.categories.some((narrow) => covers(wide, narrow)))
      const sameSponsor = a.sponsors.some((s) => b.sponsors.includes(s))
      if (covered && !sameSponsor && a.from <= b.to && b.from <= a.to) wider.push(`${a.id} / ${b.id}`)
    }
  }
  t.same(wider, [], 'nor a category that another one held at the same time includes')
  const joint = data.contracts.find((c) => c.id === 'coca-cola-mengniu-top-2021-2032')
  t.same(joint?.sponsors, ['coca-cola', 'mengniu'], 'the joint partnership is one contract with two sponsors')
  const mcdonalds = data.contracts.find((c) => c.sponsors.includes('mcdonalds'))
  t.same([mcdonalds?.endsOn, mcdonalds?.endedEarly], ['2017-06-16', true], 'McDonald\'s ended early')
})

t.test('no invented precision: no guessed days where the facts give a month or year', async (t) => {
  const byId = new Map(data.contracts.map((c) => [c.id, c]))
  t.equal(byId.get('deloitte-top-2022-2032')?.startsOn, '2022-04', 'Deloitte: April 2022, no day')
  t.equal(byId.get('alibaba-group-top-2017-2028')?.endsOn, '2028')
  t.equal(data.meetings.find((m) => m.id === 'deloitte-joins-top-2022-04')?.location.city, null, 'an unknown place stays unknown')
  const coke = data.sponsors.find((s) => s.id === 'coca-cola')
  t.same([coke?.headquarters, coke?.sources.includes('deseret-1996-08-02-coca-cola-utah-games')], ['Atlanta', true], 'a city the facts file left unverified is seeded only with a source that states it')
  t.match(byId.get('panasonic-top-1987-2024')?.notes ?? '', /1985.*IOC/, 'a conflict between sources stays visible')
})

t.test('every Olympic Games edition of the TOP era: 24, Calgary 1988 to Brisbane 2032', async (t) => {
  const api = await build(t, { seed: data })
  const games = (await api.get('/v1/games?limit=100')).body.data as Array<{ id: string, year: number, startsOn: string | null, endsOn: string | null, country: string | null }>
  t.equal(games.length, 24)
  t.same([games[0]?.id, games.at(-1)?.id], ['calgary-1988', 'brisbane-2032'])
  t.same(games.filter((g) => g.startsOn === null || g.endsOn === null || g.country === null).map((g) => g.id), [], 'every edition has its dates and country')
  t.same(games.filter((g) => g.year < 1988 || g.year > 2032).map((g) => g.id), [])
  const tokyo = games.find((g) => g.id === 'tokyo-2020')
  t.same([tokyo?.year, tokyo?.startsOn], [2020, '2021-07-23'], 'Tokyo 2020 keeps its year and its 2021 dates')
})

t.test('a contract covers the editions held within its term, or its exception says why not', async (t) => {
  const wrong: string[] = []
  for (const contract of data.contracts) {
    const exception = GAMES_EXCEPTIONS[contract.id]
    const expected = editionsWithin(contract.startsOn, contract.endsOn).filter((id) => !(exception?.without ?? []).includes(id))
    if (JSON.stringify(contract.games) !== JSON.stringify(expected)) wrong.push(`${contract.id}: ${contract.games.join(',')} instead of ${expected.join(',')}`)
  }
  t.same(wrong, [])
  for (const [id, exception] of Object.entries(GAMES_EXCEPTIONS)) {
    const contract = data.contracts.find((c) => c.id === id)
    t.ok(contract, `${id} exists`)
    const names = exception.without.map((g) => data.games.find((game) => game.id === g)?.name ?? g)
    for (const name of names) t.match(contract?.notes ?? '', name, `${id}: the notes explain ${name} (${exception.reason})`)
  }
})

t.test('every edition from 1988 has at least the partners the IOC counted for its quadrennial', async (t) => {
  const api = await build(t, { seed: data })
  const short: string[] = []
  for (const game of data.games) {
    const programme = programmes.find((p) => Number(p.startsOn) <= game.year && game.year <= Number(p.endsOn))
    t.ok(programme, `${game.id} falls in a programme`)
    if (programme?.partnerCount == null) continue
    const sponsors = (await api.get(`/v1/games/${game.id}/sponsors?limit=100`)).body.data as unknown[]
    if (sponsors.length < programme.partnerCount && COUNT_EXCEPTIONS[game.id] === undefined) short.push(`${game.id}: ${sponsors.length} < ${programme.partnerCount}`)
    if (sponsors.length >= programme.partnerCount && COUNT_EXCEPTIONS[game.id] !== undefined) short.push(`${game.id}: listed as an exception but has ${sponsors.length}`)
  }
  t.same(short, [])
})

t.test('editions the IOC counted partners for have exactly that many', async (t) => {
  const api = await build(t, { seed: data })
  for (const [game, { count, source }] of Object.entries(GAMES_COUNTS)) {
    t.ok(data.sources.some((s) => s.id === source), `${game}: ${source} is a seeded source`)
    const sponsors = (await api.get(`/v1/games/${game}/sponsors?limit=100`)).body.data as unknown[]
    t.equal(sponsors.length, count, `${game}: the IOC counted ${count} (${source})`)
  }
})

t.test('each programme\'s partners match the count the IOC published', async (t) => {
  const api = await build(t, { seed: data })
  const served = (await api.get('/v1/programmes?limit=100')).body.data as Array<{ id: string, partnerCount: number | null, notes: string | null, partners: Array<{ id: string }>, games: Array<{ id: string }> }>
  t.same(served.map((p) => p.id), ['top-i', 'top-ii', 'top-iii', 'top-iv', 'top-v', 'top-vi', 'top-vii', 'top-viii', 'top-2017-2020', 'top-2021-2024', 'top-2025-2028', 'top-2029-2032'])
  for (const p of served) {
    const seeded = programmes.find((s) => s.id === p.id) as Programme
    t.same(p.partners.map((s) => s.id).sort(), partnersOf(seeded), `${p.id}: the served partners are the sponsors with a contract in the period`)
    if (p.partnerCount === null) {
      t.ok(p.notes, `${p.id}: a null count says why`)
      continue
    }
    if (PROGRAMME_EXCEPTIONS[p.id] === undefined) t.equal(p.partners.length, p.partnerCount, `${p.id}: ${p.partners.map((s) => s.id).join(', ')}`)
    else t.not(p.partners.length, p.partnerCount, `${p.id} is an exception: ${PROGRAMME_EXCEPTIONS[p.id]}`)
  }
  const top8 = served.find((p) => p.id === 'top-viii')
  t.same(top8?.partners.map((s) => s.id).sort(), ['atos', 'bridgestone', 'coca-cola', 'dow', 'general-electric', 'mcdonalds', 'omega', 'panasonic', 'procter-and-gamble', 'samsung', 'visa'])
  t.same(top8?.games.map((g) => g.id), ['sochi-2014', 'rio-2016'])
})

t.test('names over time: former names are served and searchable', async (t) => {
  const api = await build(t, { seed: data })
  const atos = (await api.get('/v1/sponsors/atos')).body as { formerNames: Array<{ name: string }> }
  t.same(atos.formerNames.map((n) => n.name), ['Sema Group', 'Schlumberger Sema', 'Atos Origin'])
  t.same((await api.get('/v1/sponsors/omega')).body.formerNames.map((n: { name: string }) => n.name), ['The Swatch Group'])
  t.notMatch(data.sponsors.find((s) => s.id === 'atos')?.description ?? '', /Schlumberger/, 'the name is only in formerNames')
  const found = (await api.get('/v1/sponsors?q=Schlumberger')).body.data.map((s: { id: string }) => s.id)
  t.ok(found.includes('atos'), 'a former name finds the sponsor')
  t.same((await api.get('/v1/sponsors/john-hancock')).body.formerNames, [], 'Manulife is John Hancock\'s parent, not a former name')
})

t.test('the audit\'s named errors stay fixed, and the Games it asked about list their partners', async (t) => {
  const api = await build(t, { seed: data })
  const contracts = async (sponsor: string) => (await api.get(`/v1/sponsors/${sponsor}/contracts`)).body.data as Array<{ startsOn: string, games: Array<{ id: string }> }>
  t.equal((await contracts('samsung'))[0]?.startsOn, '1997', 'Samsung\'s TOP partnership began in 1997')
  t.equal((await contracts('samsung'))[0]?.games[0]?.id, 'nagano-1998', 'its first Games were Nagano 1998')
  const deloitte = (await contracts('deloitte')).flatMap((c) => c.games.map((g) => g.id))
  t.notOk(deloitte.includes('beijing-2022'), 'Deloitte\'s partnership began with Paris 2024')
  t.ok(deloitte.includes('paris-2024'))
  for (const sponsor of ['dow', 'procter-and-gamble']) {
    const games = (await contracts(sponsor)).flatMap((c) => c.games.map((g) => g.id))
    t.notOk(games.includes('vancouver-2010'), `${sponsor} joined after Vancouver 2010`)
    t.equal(games[0], 'london-2012')
  }
  const sponsorsOf = async (game: string) => ((await api.get(`/v1/games/${game}/sponsors?limit=100`)).body.data as Array<{ id: string }>).map((s) => s.id).sort()
  t.same(await sponsorsOf('rio-2016'), ['atos', 'bridgestone', 'coca-cola', 'dow', 'general-electric', 'mcdonalds', 'omega', 'panasonic', 'procter-and-gamble', 'samsung', 'visa'], 'Rio 2016: its eleven worldwide partners')
  const sydney = await sponsorsOf('sydney-2000')
  for (const id of ['ibm', 'ups', 'xerox', 'john-hancock']) t.ok(sydney.includes(id), `Sydney 2000 includes ${id}`)
  t.equal(sydney.length, 11, 'Sydney 2000: the eleven TOP IV partners')
})

/** The ids of the sponsors holding a category on a day. */
function holdersOf (api: Api) {
  return async (category: string, on: string): Promise<string[]> =>
    (await api.get(`/v1/categories/${category}/holders?on=${on}`)).body.data.map((h: { sponsor: { id: string } }) => h.sponsor.id)
}

t.test('who held a category on a day, against the facts file', async (t) => {
  const api = await build(t, { seed: data })
  const holders = holdersOf(api)
  // Rio 2016 opened on 5 August 2016.
  t.same(await holders('payment-services', '2016-08-05'), ['visa'])
  t.same(await holders('timing-scoring-and-venue-results-services', '2016-08-05'), ['omega'])
  t.same(await holders('audio-and-video-equipment', '2016-08-05'), ['panasonic'])
  t.same(await holders('cloud-services', '2016-08-05'), [], 'Alibaba joined in 2017')
  t.same(await holders('cloud-services', '2019-01-23'), ['alibaba-group'])
  t.same(await holders('computing-equipment', '2006-02-10'), ['lenovo'])
  t.same(await holders('computing-equipment', '2012-07-27'), ['acer'])
  t.same(await holders('retail-food-services', '2017-06-16'), ['mcdonalds'])
  t.same(await holders('retail-food-services', '2017-06-17'), [], 'ended early')
  t.same(await holders('non-alcoholic-beverages', '2016-08-05'), ['coca-cola'])
  t.same(await holders('non-alcoholic-beverages', '2024-07-26'), ['coca-cola', 'mengniu'], 'the joint partnership')
  t.same(await holders('mobility', '2025-01-01'), [], 'Toyota ended with 2024')
  // Found by the outside audit of 2026-12-08: date questions that disagreed with the sources.
  t.same(await holders('wireless-communications-equipment', '2010-02-15'), ['samsung'], 'Samsung before 2017: wireless communications equipment')
  t.same(await holders('wireless-communications-and-computing-equipment', '2010-02-15'), [], 'computing equipment was Acer\'s then')
  t.same(await holders('wireless-communications-and-computing-equipment', '2018-02-15'), ['samsung'], 'added by the 2014 extension')
  t.same(await holders('healthcare-products', '2006-02-15'), [], 'J&J\'s rights start at the end of Torino 2006')
  t.same(await holders('healthcare-products', '2008-08-10'), ['johnson-and-johnson'])
  t.same(await holders('information-systems-integration-services', '2000-10-03'), [], 'IBM severed its ties on 2 October 2000')
  const torino = (await api.get('/v1/contracts?activeOn=2006-02-15&limit=100')).body.data.length
  t.equal(torino, (await api.get('/v1/games/torino-2006/sponsors?limit=100')).body.data.length, 'the contracts active during Torino 2006 are its partners')
})

t.test('the early programme: TOP II members, and where an unknown country sorts', async (t) => {
  const api = await build(t, { seed: data })
  const holders = holdersOf(api)
  // Albertville 1992 opened on 8 February 1992.
  t.same(await holders('typewriters', '1992-02-08'), ['brother'])
  t.same(await holders('express-mail', '1992-02-08'), ['us-postal-service'])
  t.same(await holders('typewriters', '1993-01-01'), [], 'TOP II ended with 1992')
  t.same(await holders('optical-and-otic-products', '1996-07-19'), ['bausch-and-lomb'], 'Atlanta 1996')
  t.same(await holders('information-systems-integration-services', '1998-02-07'), ['ibm'], 'Nagano 1998')

  const ibm = await api.get('/v1/sponsors/ibm')
  t.match(ibm.body, { name: 'IBM', country: 'US', headquarters: 'Armonk, New York', status: 'former' }, 'IBM\'s country is sourced (The Inside Press)')
  t.same(data.sponsors.filter((s) => s.country === null).map((s) => s.id), [], 'every seeded sponsor\'s country is stated by a source')
  const albertville = (await api.get('/v1/sponsors?activeOn=1992-02-08&limit=100')).body.data.map((s: { id: string }) => s.id)
  for (const member of ['bausch-and-lomb', 'brother', 'coca-cola', 'kodak', 'mars', 'panasonic', 'philips', 'ricoh', '3m', 'time-sports-illustrated', 'us-postal-service', 'visa']) {
    t.ok(albertville.includes(member), `${member} was a partner at Albertville 1992`)
  }
  // No seeded country is unknown any more, so add one to check where unknown countries sort.
  const unknown = await api.request({ method: 'POST', url: '/v1/sponsors', headers: keyFor(api).headers, payload: { name: 'Home Unknown Ltd', country: null, headquarters: null, industry: null, website: null, description: null, sources: ['sbj-1995-06-01-ibm-olympic-information'] } })
  t.equal(unknown.status, 201, 'a sponsor whose country no source states is stored with null')
  const byCountry = (await api.get('/v1/sponsors?sort=country&limit=100')).body.data as Array<{ country: string | null }>
  const firstKnown = byCountry.findIndex((s) => s.country !== null)
  t.ok(firstKnown > 0 && byCountry.slice(firstKnown).every((s) => s.country !== null), 'sort=country puts unknown countries first')
  const renewal = (await api.get('/v1/sponsors/bausch-and-lomb/timeline')).body.data.map((e: { date: string, kind: string }) => `${e.date} ${e.kind}`)
  t.same(renewal, ['1989 contract-started', '1992 fact', '1996 contract-ended'], 'its term starts with TOP II, not with its 1988 signing')
  // A partner signed during one programme for the next is a partner of the next alone.
  const partnersOfEdition = async (id: string) => ((await api.get(`/v1/programmes/${id}`)).body.partners as Array<{ id: string }>).map((p) => p.id)
  t.notOk((await partnersOfEdition('top-i')).includes('bausch-and-lomb'), 'Bausch & Lomb is not a TOP I partner')
  t.notOk((await partnersOfEdition('top-v')).includes('lenovo'), 'Lenovo, signed in March 2004 for 2005–2008, is not a TOP V partner')
  t.ok((await partnersOfEdition('top-vi')).includes('lenovo'))
})

t.test('re-seeding after a manual edit restores the reviewed data and keeps API keys', async (t) => {
  const api = await build(t, { seed: data })
  const writer = keyFor(api)
  const edit = await api.request({ method: 'PATCH', url: '/v1/sponsors/visa', headers: writer.headers, payload: { name: 'Edited' } })
  t.equal(edit.status, 200)
  loadDataset(api.app.sqlite, api.app.repos, data)
  t.equal((await api.get('/v1/sponsors/visa')).body.name, 'Visa Inc.')
  t.equal((await api.request({ method: 'PATCH', url: '/v1/sponsors/visa', headers: writer.headers, payload: { industry: 'Payments' } })).status, 200, 'the key still works')
})
