import { readFileSync } from 'node:fs'
import t from 'tap'
import { renderOpenApi } from '../src/lib/openapi-file.js'
import { build, documentAjv, keyFor } from './helper.js'

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

t.test('every example in the document validates against its own schema', async (t) => {
  const api = await build(t)
  const doc = api.app.swagger() as unknown as { components: { schemas: Record<string, { examples?: unknown[] }> } }
  const ajv = documentAjv(doc.components.schemas)
  let examples = 0
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    for (const [index, example] of (schema.examples ?? []).entries()) {
      examples++
      const validate = ajv.getSchema(name)
      t.ok(validate?.(example), `${name}.examples[${index}] is a valid ${name}: ${ajv.errorsText(validate?.errors)}`)
    }
  }
  t.ok(examples >= 15, `the document has examples (${examples})`)
  // The check can fail: a broken example is caught.
  t.notOk(ajv.getSchema('Sponsor')?.({ id: 'Not A Slug', name: '' }), 'an invalid Sponsor is rejected')
})

t.test('every response documents its headers, and the API sends them', async (t) => {
  const api = await build(t, { rateLimitMax: 100 })
  const doc = api.app.swagger() as unknown as { paths: Record<string, Record<string, Operation & { responses: Record<string, { headers?: Record<string, unknown> }> }>>, components: { headers: Record<string, unknown> } }
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      for (const [status, response] of Object.entries(op.responses)) {
        const names = Object.keys(response.headers ?? {})
        t.ok(names.includes('X-Request-Id'), `${method} ${path} ${status} documents X-Request-Id`)
        if (/^[24]/.test(status)) t.ok(names.includes('X-RateLimit-Limit'), `${method} ${path} ${status} documents the rate-limit headers`)
      }
    }
  }
  for (const url of ['/v1/sponsors', '/v1/sponsors/nobody', '/health']) {
    const response = await api.get(url)
    t.match(response.headers, { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': /^[0-9]+$/, 'x-ratelimit-reset': /^[0-9]+$/ }, `${url} (${response.status}) carries the rate-limit headers`)
  }
})

t.test('the request-body examples in the document are accepted by the API as it is seeded', async (t) => {
  const api = await build(t, { seed: { dir: 'seed' } })
  const { headers } = keyFor(api)
  const doc = api.app.swagger() as unknown as { components: { schemas: Record<string, { examples?: unknown[] }> } }
  for (const [resource, name] of [['sources', 'Source'], ['categories', 'Category'], ['sponsors', 'Sponsor'], ['contracts', 'Contract'], ['meetings', 'Meeting'], ['facts', 'Fact']] as const) {
    const create = doc.components.schemas[`${name}Create`]?.examples?.[0] as object
    const created = await api.request({ method: 'POST', url: `/v1/${resource}`, headers, payload: create })
    t.equal(created.status, 201, `POST /v1/${resource} with the ${name}Create example: ${created.body?.detail ?? ''}`)
    const patch = doc.components.schemas[`${name}Patch`]?.examples?.[0] as object
    const patched = await api.request({ method: 'PATCH', url: String(created.headers.location), headers, payload: patch })
    t.equal(patched.status, 200, `PATCH with the ${name}Patch example: ${patched.body?.detail ?? ''}`)
    t.match(patched.body, patch, 'the patch took')
  }
})

t.test('generated clients and Swagger UI get usable names, descriptions and examples', async (t) => {
  const api = await build(t, { seed: { dir: 'seed' } })
  const doc = api.app.swagger() as unknown as { paths: Record<string, Record<string, Operation & { responses: Record<string, { description?: string }>, parameters?: Array<{ in: string, name: string, schema?: { examples?: string[] }, examples?: unknown, example?: unknown }> }>>, components: { schemas: Record<string, unknown> } }
  // Schema names become type names in generated code: none may shadow a browser global.
  const globals = ['Location', 'Event', 'Response', 'Request', 'Headers', 'Error', 'Document', 'Element', 'Node', 'Range', 'Selection', 'File', 'Blob', 'URL', 'Image', 'Text', 'Comment', 'History', 'Navigator', 'Screen', 'Storage', 'Notification', 'Worker', 'Map', 'Set', 'Date', 'Object', 'Record']
  t.same(Object.keys(doc.components.schemas).filter((name) => globals.includes(name)), [], 'no component schema is named like a browser global')
  t.ok(doc.components.schemas.MeetingLocation, 'a meeting\'s place is MeetingLocation')
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      for (const [status, response] of Object.entries(op.responses)) {
        t.ok(response.description !== undefined && response.description !== '' && response.description !== 'Default Response', `${method} ${path} ${status} has a real description`)
      }
      // A read of one record has a singular operation id (getGame, not getGames).
      if (method === 'get' && /\/\{id\}$/.test(path)) t.match(op.operationId, /^get[A-Z][a-z]+$/, `${path}: ${op.operationId}`)
      if (method === 'get' && /\/\{id\}$/.test(path)) t.notMatch(op.operationId, /s$/, `${path}: ${op.operationId} is singular`)
      for (const parameter of op.parameters ?? []) {
        if (parameter.in !== 'path') continue
        const example = (parameter.example ?? parameter.schema?.examples?.[0]) as string | undefined
        t.type(example, 'string', `${method} ${path}: {${parameter.name}} has an example`)
        if (method !== 'get' || example === undefined) continue
        // "Try it out → Execute" with that example answers 200 on the seeded data.
        const response = await api.get(path.replace(`{${parameter.name}}`, example))
        t.equal(response.status, 200, `GET ${path} with ${example}`)
      }
    }
  }
  t.equal(doc.paths['/v1/games/{id}']?.get?.operationId, 'getGame')
  const page = await api.app.inject({ method: 'GET', url: '/docs/' })
  t.match(page.body, /<title>Olympic sponsor data API[^<]*<\/title>/, 'the Swagger UI tab names the API')
})
