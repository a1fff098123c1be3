import t from 'tap'
import { build, dataset, meeting, sponsor } from '../helper.js'

const data = dataset({
  sponsors: [sponsor('alibaba-group', { name: 'Alibaba Group' }), sponsor('samsung')],
  meetings: [
    meeting('lausanne', {
      sponsors: ['alibaba-group'],
      date: '2019-01-23',
      participants: [
        { name: 'Thomas Bach', role: 'President', organisation: 'International Olympic Committee' },
        { name: 'Jack Ma', role: 'Executive Chairman', organisation: 'Alibaba Group' }
      ],
      summary: 'Talks in Lausanne.',
      quotes: [
        { speaker: 'Jack Ma', text: 'Alibaba believes in double H - happiness and health.' },
        { speaker: 'Thomas Bach', text: 'Welcome to the IOC, welcome to your home, welcome to your family.' }
      ]
    }),
    meeting('nanjing', { sponsors: ['samsung'], date: '2014-08', location: { city: 'Nanjing', country: 'CN' } }),
    meeting('davos', { sponsors: ['alibaba-group'], date: '2017-01-19', location: { city: null, country: null } })
  ]
})

t.test('GET /v1/meetings/{id} has participants and attributed quotes in order', async (t) => {
  const api = await build(t, { seed: data })
  const res = await api.get('/v1/meetings/lausanne')
  t.equal(res.status, 200)
  t.same(res.body, {
    id: 'lausanne',
    date: '2019-01-23',
    location: { city: 'Lausanne', country: 'CH' },
    sponsors: [{ id: 'alibaba-group', name: 'Alibaba Group' }],
    participants: [
      { name: 'Thomas Bach', role: 'President', organisation: 'International Olympic Committee' },
      { name: 'Jack Ma', role: 'Executive Chairman', organisation: 'Alibaba Group' }
    ],
    summary: 'Talks in Lausanne.',
    quotes: [
      { speaker: 'Jack Ma', text: 'Alibaba believes in double H - happiness and health.' },
      { speaker: 'Thomas Bach', text: 'Welcome to the IOC, welcome to your home, welcome to your family.' }
    ],
    sources: [{ id: 'src', title: 'Title of src', url: 'https://example.org/src' }]
  })
  t.equal((await api.get('/v1/meetings/nowhere')).status, 404)
})

t.test('meeting filters', async (t) => {
  const api = await build(t, { seed: data })
  const ids = async (query: string) => {
    const res = await api.get(`/v1/meetings?${query}`)
    t.equal(res.status, 200, query)
    return res.body.data.map((m: { id: string }) => m.id)
  }
  t.same(await ids(''), ['nanjing', 'davos', 'lausanne'])
  t.same(await ids('sort=-date'), ['lausanne', 'davos', 'nanjing'])
  t.same(await ids('from=2019-01-01&to=2019-01-31'), ['lausanne'])
  t.same(await ids('from=2019'), ['lausanne'])
  t.same(await ids('to=2017-01'), ['nanjing', 'davos'])
  t.same(await ids('from=2014-08-20&to=2014-08-20'), ['nanjing'], 'a month-precision meeting overlaps a day in that month')
  t.same(await ids('sponsor=alibaba-group'), ['davos', 'lausanne'])
  t.same(await ids('participant=jack'), ['lausanne'])
  t.same(await ids('q=HAPPINESS'), ['lausanne'], 'q searches quotes')
  t.same(await ids('q=talks in'), ['lausanne'], 'q searches summaries')
})

t.test('bad meeting dates answer 400 naming the parameter', async (t) => {
  const api = await build(t, { seed: data })
  const cases: Array<[string, string]> = [
    ['from=2019-13-45', '/query/from'],
    ['from=2019-02-30', '/query/from'],
    ['to=yesterday', '/query/to'],
    ['from=2019-02&to=2019-01', '/query/from'],
    ['q=', '/query/q'],
    ['q=' + 'x'.repeat(201), '/query/q'],
    ['sponsor=nobody', '/query/sponsor']
  ]
  for (const [query, path] of cases) {
    const res = await api.get(`/v1/meetings?${query}`)
    t.equal(res.status, 400, query)
    t.equal(res.body.errors[0].path, path, query)
  }
})
