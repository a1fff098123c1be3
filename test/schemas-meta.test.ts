// Ajv no longer checks schemas against the JSON Schema meta-schema when the app compiles
// them (src/lib/ajv.ts: that check was a third of start-up). It happens here instead, for
// every schema the app compiles: the configuration's, the shared and input schemas, and
// every schema of the generated OpenAPI document (components, parameters, bodies,
// responses), the query strings included.
import { readFileSync } from 'node:fs'
import t, { type Test } from 'tap'
import { Ajv } from 'ajv'
import { Env } from '../src/config.js'
import { allSchemas } from '../src/schemas/index.js'

/** The draft the app's Ajv compiles (src/lib/ajv.ts). */
const ajv = new Ajv({ strict: false })

function check (t: Test, name: string, schema: unknown): void {
  const valid = ajv.validateSchema(schema as object)
  t.ok(valid, `${name}${valid ? '' : `: ${ajv.errorsText(ajv.errors)}`}`)
}

/** Every object under a `schema` key or in components.schemas of an OpenAPI document. */
function documentSchemas (node: unknown, path: string, out: Array<[string, unknown]>): void {
  if (Array.isArray(node)) { node.forEach((item, i) => { documentSchemas(item, `${path}/${i}`, out) }); return }
  if (node === null || typeof node !== 'object') return
  for (const [key, value] of Object.entries(node)) {
    if (key === 'schema' || path === '/components/schemas') out.push([`${path}/${key}`, value])
    else documentSchemas(value, `${path}/${key}`, out)
  }
}

t.test('the check refuses what the app would no longer refuse', async (t) => {
  t.notOk(ajv.validateSchema({ type: 'string', minLength: -1 }), 'a negative minLength')
  t.notOk(ajv.validateSchema({ enum: ['a', 'a'] }), 'duplicate enum values')
  t.notOk(ajv.validateSchema({ type: 'text' }), 'an unknown type')
})

t.test('the configuration schema is a valid JSON Schema', async (t) => {
  check(t, 'Env', Env)
})

t.test('every shared and input schema is a valid JSON Schema', async (t) => {
  for (const schema of allSchemas) check(t, String((schema as { $id?: string }).$id), schema)
})

t.test('every schema in the OpenAPI document is a valid JSON Schema', async (t) => {
  const found: Array<[string, unknown]> = []
  documentSchemas(JSON.parse(readFileSync('openapi/openapi.json', 'utf8')), '', found)
  t.ok(found.length > 100, `${found.length} schemas`)
  for (const [path, schema] of found) check(t, path, schema)
})
