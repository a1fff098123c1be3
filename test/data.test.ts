// The reviewed data in seed/: complete, consistent and checked against the facts file.
import t from 'tap'
import { firstDay, lastDay } from '../src/lib/partial-date.js'
import { readDataset, loadDataset, validateDataset } from '../src/seed/dataset.js'
import { build, keyFor, type Api } from './helper.js'

const data = readDataset('seed')

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
  for (const key of ['games', 'categories', 'sponsors', 'contracts', 'meetings', 'facts'] as const) {
    for (const record of data[key]) {
      t.ok(record.sources.length > 0, `${key} ${record.id} has a source`)
      record.sources.forEach((id) => used.add(id))
    }
  }
  t.same(data.sources.filter((s) => !used.has(s.id)).map((s) => s.id), [], 'no unused source')
  t.same(data.sources.filter((s) => !/^https?:\/\//.test(s.url)).map((s) => s.id), [], 'every source has a URL')
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
  t.equal(data.sponsors.find((s) => s.id === 'coca-cola')?.headquarters, null, 'an unverified city is not seeded')
  t.match(byId.get('panasonic-top-1987-2024')?.notes ?? '', /1985.*IOC/, 'a conflict between sources stays visible')
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
})

t.test('the early programme: TOP II members and partners whose country no source states', async (t) => {
  const api = await build(t, { seed: data })
  const holders = holdersOf(api)
  // Albertville 1992 opened on 8 February 1992.
  t.same(await holders('typewriters', '1992-02-08'), ['brother'])
  t.same(await holders('express-mail', '1992-02-08'), ['us-postal-service'])
  t.same(await holders('typewriters', '1993-01-01'), [], 'TOP II ended with 1992')
  t.same(await holders('optical-and-otic-products', '1996-07-19'), ['bausch-and-lomb'], 'Atlanta 1996')
  t.same(await holders('information-systems-integration-services', '1998-02-07'), ['ibm'], 'Nagano 1998')

  const ibm = await api.get('/v1/sponsors/ibm')
  t.match(ibm.body, { name: 'IBM', country: null, status: 'former' }, 'an unsourced country is null, not guessed')
  const albertville = (await api.get('/v1/sponsors?activeOn=1992-02-08&limit=100')).body.data.map((s: { id: string }) => s.id)
  for (const member of ['bausch-and-lomb', 'brother', 'coca-cola', 'kodak', 'mars', 'panasonic', 'philips', 'ricoh', '3m', 'time-sports-illustrated', 'us-postal-service', 'visa']) {
    t.ok(albertville.includes(member), `${member} was a partner at Albertville 1992`)
  }
  const byCountry = (await api.get('/v1/sponsors?sort=country&limit=100')).body.data as Array<{ country: string | null }>
  const firstKnown = byCountry.findIndex((s) => s.country !== null)
  t.ok(firstKnown > 0 && byCountry.slice(firstKnown).every((s) => s.country !== null), 'sort=country puts unknown countries first')
  const renewal = (await api.get('/v1/sponsors/bausch-and-lomb/timeline')).body.data.map((e: { date: string, kind: string }) => `${e.date} ${e.kind}`)
  t.same(renewal, ['1988 contract-started', '1992 fact', '1996 contract-ended'])
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
