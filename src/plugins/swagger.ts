// Named schemas, the OpenAPI document (/openapi.json) and Swagger UI (/docs, served
// from the package: no CDN). Registered before the routes so every route is seen.
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { resources } from '../resources/all.js'
import { apiSchemas } from '../schemas/index.js'
import { DOCS_CSP } from './security.js'
import { documentHeaders } from './openapi-headers.js'

export const API_TITLE = 'Olympic sponsor data API'

/** The tags in document order: the index, one per resource (its declaration), then the rest. */
export const TAGS = [
  { name: 'meta', description: 'The index: where the documentation and every resource list live.' },
  ...resources.map(({ plural, description }) => ({ name: plural, description })),
  { name: 'search', description: 'Full-text search across the records.' },
  { name: 'changes', description: 'The audit trail of writes.' },
  { name: 'replication', description: 'Consistent copies of the database for read replicas (docs/operations.md).' },
  { name: 'health', description: 'Liveness and readiness probes.' },
  { name: 'explore', description: 'The record on one timeline: an HTML page and its chart as an SVG image.' }
]

// Relative in the committed openapi/openapi.json: clients and Swagger UI call the host that
// served the document. GET /openapi.json answers with the absolute origin instead.
// (`x-internal` is an OpenAPI extension the swagger types do not list.)
const SERVER = { url: '/', description: 'The server that serves this document, local or production alike', 'x-internal': false }

export default fp<{ version: string }>(async function openapi (app, options) {
  for (const schema of apiSchemas) app.addSchema(schema)

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: API_TITLE,
        version: options.version,
        description: 'Sponsors, categories, contracts, Games and meetings of the IOC\'s worldwide sponsorship programme, The Olympic Partner (TOP), every fact traceable to a source. ' +
          'Reads are public. Lists answer `{ data, meta }` and page with opaque keyset cursors (`meta.nextCursor`, `Link: rel="next"`). ' +
          'Errors are RFC 9457 problem documents. Dates are ISO 8601 strings of the precision a source gives: "2017", "2017-01" or "2017-01-19".',
        contact: { name: 'Olympic sponsor data API team' },
        license: { name: 'Proprietary: all rights reserved' }
      },
      servers: [SERVER],
      // Reads need no credentials (an empty requirement); writes and the audit trail ask for bearerAuth.
      security: [{}],
      tags: TAGS,
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key from `npm run keys -- create`; writes need the write scope, snapshots the replicate scope.' }
        }
      }
    },
    transformObject: (document) => ('openapiObject' in document ? documentHeaders(document.openapiObject) : document.swaggerObject),
    refResolver: {
      buildLocalReference (json, _baseUri, _fragment, i) {
        return typeof json.$id === 'string' ? json.$id : `def-${i}`
      }
    }
  })

  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: DOCS_CSP,
    // The browser tab names the API, not the tool.
    theme: { title: `${API_TITLE}: reference` },
    uiConfig: { docExpansion: 'list', deepLinking: true, defaultModelsExpandDepth: 0 }
  })

  // The served copy names the origin it was served from, so a client generated from it needs no
  // base URL set by hand. request.protocol and request.host read X-Forwarded-Proto and
  // X-Forwarded-Host only when TRUST_PROXY trusts the proxy. The committed copy keeps SERVER.
  // The body depends on the origin the request named, so shared caches must key on it.
  app.get('/openapi.json', { schema: { hide: true } }, async (request, reply) => {
    const vary = reply.getHeader('vary')
    reply.header('vary', [typeof vary === 'string' ? vary : '', 'Host, X-Forwarded-Host, X-Forwarded-Proto'].filter((v) => v !== '').join(', '))
    return {
      ...app.swagger(),
      servers: [{ url: `${request.protocol}://${request.host}`, description: 'The server that served this document' }]
    }
  })
}, { name: 'openapi', dependencies: ['problems'] })
