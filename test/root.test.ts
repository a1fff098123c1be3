import t from 'tap'
import { build } from './helper.js'
import { packageVersion } from '../src/app.js'

t.test('GET / answers an index of the API, as GitHub\'s root endpoint does', async (t) => {
  const api = await build(t)
  const res = await api.get('/')
  t.equal(res.status, 200)
  t.match(res.headers['content-type'], /application\/json/)
  t.equal(res.body.name, 'Olympic sponsor data API')
  t.equal(res.body.version, packageVersion())
  const links = res.body.links as Record<string, string>
  t.same(Object.keys(links).sort(), ['categories', 'changes', 'contracts', 'docs', 'explore', 'facts', 'games', 'meetings', 'openapi', 'programmes', 'search', 'sources', 'sponsors'])
  // Every /v1 resource list the document has is in the index.
  const doc = api.app.swagger() as unknown as { paths: Record<string, unknown> }
  const lists = Object.keys(doc.paths).filter((path) => /^\/v1\/[a-z]+$/.test(path) && path !== '/v1/snapshot')
  t.same(lists.filter((path) => !Object.values(links).some((link) => link.split('?')[0] === path)), [], 'every resource list is linked')
  // Every link leads somewhere (the audit trail asks for a key; search for words).
  for (const [name, link] of Object.entries(links)) {
    const url = link.replace('{query}', 'visa')
    const answer = await api.app.inject({ method: 'GET', url })
    t.equal(answer.statusCode, name === 'changes' ? 401 : 200, `${name}: GET ${url}`)
  }
})
