import t from 'tap'
import { build, dataset, source } from '../helper.js'

t.test('GET /v1/sources and /v1/sources/{id}', async (t) => {
  const api = await build(t, {
    seed: dataset({ sources: [source('a-report', { title: 'A report', publisher: null, publishedOn: '2017-01' })] })
  })
  const list = await api.get('/v1/sources')
  t.same(list.body.data.map((s: { title: string }) => s.title), ['A report', 'Title of src'])
  const one = await api.get('/v1/sources/a-report')
  t.same(one.body, { id: 'a-report', title: 'A report', publisher: null, url: 'https://example.org/a-report', publishedOn: '2017-01' })
  t.equal((await api.get('/v1/sources/none')).body.code, 'SOURCE_NOT_FOUND')
  t.equal((await api.get('/v1/sources?sort=-id&limit=1')).body.data[0].id, 'src')
})
