// The error catalogue is the one list of codes: the README's table and the OpenAPI
// document's Problem.code enum must say exactly what src/resources/catalogue.ts says
// (the fixed codes of src/lib/errors.ts and each resource's own).
import { readFileSync } from 'node:fs'
import t from 'tap'
import { CATALOGUE } from '../src/resources/catalogue.js'
import { build } from './helper.js'

t.test('the README lists exactly the catalogue\'s codes, statuses and meanings', async (t) => {
  const readme = readFileSync('README.md', 'utf8')
  const section = readme.slice(readme.indexOf('### Error codes'))
  const rows = [...section.slice(0, section.indexOf('\n## ')).matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \| (.*) \|$/gm)]
  t.same(rows.map((row) => [row[1], Number(row[2]), row[3]]), CATALOGUE.map((e) => [e.code, e.status, e.meaning]))
})

t.test('the OpenAPI document publishes the codes as an enum', async (t) => {
  const api = await build(t)
  const doc = api.app.swagger() as unknown as { components: { schemas: { Problem: { properties: { code: { enum: string[] } } } } } }
  t.same(doc.components.schemas.Problem.properties.code.enum, CATALOGUE.map((e) => e.code))
})
