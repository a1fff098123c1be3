import { readFileSync } from 'node:fs'
import t from 'tap'
import { renderOpenApi } from '../src/lib/openapi-file.js'
import { build } from './helper.js'

interface Operation { operationId?: string, summary?: string, tags?: string[], responses: Record<string, unknown>, parameters?: Array<{ in: string, name: string, required?: boolean, schema?: { default?: unknown } }> }

t.test('the committed openapi/openapi.json is the generated document', async (t) => {
  const api = await build(t)
  const generated = renderOpenApi(api.app.swagger())
  const committed = readFileSync('openapi/openapi.json', 'utf8')
  t.ok(generated === committed, 'openapi/openapi.json is stale: run `npm run openapi` and commit it')
})

t.test('every operation is documented for people and tools', async (t) => {
  const api = await build(t)
  const doc = api.app.swagger() as unknown as { openapi: string, paths: Record<string, Record<string, Operation>>, components: { schemas: Record<string, unknown> } }
  t.equal(doc.openapi, '3.1.0')
  const ids = new Set<string>()
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const name = `${method.toUpperCase()} ${path}`
      t.ok(op.operationId, `${name} has an operationId`)
      t.notOk(ids.has(op.operationId ?? ''), `${name}: operationId is unique`)
      ids.add(op.operationId ?? '')
      t.ok(op.summary, `${name} has a summary`)
      t.equal(op.tags?.length, 1, `${name} has a tag`)
      const success = method === 'post' ? '201' : method === 'delete' ? '204' : '200'
      t.ok(op.responses[success], `${name} documents ${success}`)
      if (method !== 'get') {
        t.ok(op.responses['401'] && op.responses['403'], `${name} documents 401 and 403`)
        t.same((op as { security?: unknown }).security, [{ bearerAuth: [] }], `${name} names its security scheme`)
      }
      t.ok(op.responses['500'], `${name} documents 500`)
      if (path.includes('{id}')) {
        t.ok(op.responses['404'], `${name} documents 404`)
        t.ok(op.responses['400'], `${name} documents 400`)
      }
      for (const parameter of op.parameters ?? []) {
        if (parameter.in === 'query' && parameter.required === true) {
          t.equal(parameter.schema?.default, undefined, `${name}: required query parameter ${parameter.name} has no default`)
        }
      }
    }
  }
  t.ok(Object.keys(doc.components.schemas).includes('Sponsor'), 'components have real names')
  t.notOk(Object.keys(doc.components.schemas).some((name) => name.startsWith('def-')), 'no def-N component names')
  t.notMatch(JSON.stringify(doc), /~kind|~optional/, 'no TypeBox internals leak')
})
