// Resources are declared once, in their folders: the registry is generated from the
// folders, and every table with a foreign key to a resource belongs to a declaration, so
// the integrity rules derived from the keys cannot miss one.
import { readdirSync, readFileSync } from 'node:fs'
import t from 'tap'
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { REGISTRY_FILE, registrySource } from '../src/lib/resource-registry.js'
import { loadOrder, resources, WRITABLE } from '../src/resources/all.js'
import { referrersOf } from '../src/repositories/integrity.js'
import { build } from './helper.js'

t.test('the committed registry lists every resource folder (npm run resources writes it)', async (t) => {
  t.equal(readFileSync(REGISTRY_FILE, 'utf8'), registrySource())
})

t.test('names are unique and one singular and one plural each', async (t) => {
  const names = resources.flatMap((resource) => [resource.singular, resource.plural])
  t.equal(new Set(names).size, names.length, names.join(' '))
  for (const resource of resources) t.match(resource.plural, /^[a-z]+(-[a-z]+)*$/)
})

t.test('every table referring to a resource is declared by one', async (t) => {
  const declared = new Set(resources.flatMap((resource) => resource.tables.map((table) => getTableConfig(table).name)))
  const records = new Set(resources.map((resource) => getTableConfig(resource.tables[0]).name))
  // Every table drizzle-kit reads: src/db/schema.ts and each resource folder's tables.ts.
  const modules = ['../src/db/schema.js', ...readdirSync('src/resources', { withFileTypes: true })
    .filter((entry) => entry.isDirectory()).map((entry) => `../src/resources/${entry.name}/tables.js`)]
  const tables: SQLiteTable[] = []
  for (const module of modules) {
    const exported = await import(module) as Record<string, unknown>
    for (const value of Object.values(exported)) if (value instanceof SQLiteTable) tables.push(value)
  }
  t.ok(tables.length > 20)
  for (const table of tables) {
    const config = getTableConfig(table)
    const refersToRecords = config.foreignKeys.some((fk) => records.has(getTableConfig(fk.reference().foreignTable).name))
    if (refersToRecords) t.ok(declared.has(config.name), `${config.name} is in a resource's tables`)
  }
})

t.test('who refers to whom follows the foreign keys', async (t) => {
  const referrers = referrersOf(resources)
  const of = (kind: string) => [...new Set((referrers.get(kind) ?? []).map(({ what }) => what))].sort()
  t.same(of('sponsor'), ['contract', 'fact', 'meeting'])
  t.same(of('category'), ['contract'])
  t.same(of('game'), ['contract'])
  t.same(of('source'), ['category', 'contract', 'fact', 'game', 'meeting', 'programme', 'sponsor'])
  t.same(of('contract'), [])
})

t.test('the seed loads each resource after those it refers to', async (t) => {
  const order = loadOrder().map((resource) => resource.plural)
  const at = (plural: string) => order.indexOf(plural)
  t.equal(order.length, resources.length)
  for (const [target, list] of referrersOf(resources)) {
    const targetPlural = resources.find((resource) => resource.singular === target)?.plural ?? ''
    for (const { what } of list) {
      const referrer = resources.find((resource) => resource.singular === what)?.plural ?? ''
      t.ok(at(targetPlural) < at(referrer), `${targetPlural} before ${referrer}`)
    }
  }
})

t.test('the document, the audit trail and the search derive from the declarations', async (t) => {
  const api = await build(t)
  const doc = api.app.swagger() as unknown as {
    tags: Array<{ name: string }>
    paths: Record<string, Record<string, { tags?: string[] }>>
    components: { schemas: Record<string, { properties?: Record<string, { enum?: string[], pattern?: string }> }> }
  }
  const tags = doc.tags.map((tag) => tag.name)
  for (const resource of resources) {
    t.ok(tags.includes(resource.plural), `tag ${resource.plural}`)
    t.ok(doc.paths[`/v1/${resource.plural}`]?.get, `GET /v1/${resource.plural}`)
    t.ok(doc.paths[`/v1/${resource.plural}/{id}`]?.get, `GET /v1/${resource.plural}/{id}`)
    t.equal(doc.paths[`/v1/${resource.plural}/{id}`]?.delete !== undefined, resource.collection.writable, `${resource.plural}: DELETE only when writable`)
  }
  t.same(doc.components.schemas.Change?.properties?.resource?.enum, WRITABLE)
  t.same(doc.components.schemas.SearchHit?.properties?.type?.enum, resources.filter((resource) => resource.search !== undefined).map((resource) => resource.singular))
})
