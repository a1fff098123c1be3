// Fastify's Ajv coerces query strings loosely: "1e309" becomes Infinity, "0x10" 16 and
// " 5" 5. Integer query parameters must be plain decimal digits, checked before
// validation while the values are still the strings the client sent.
import fp from 'fastify-plugin'
import { isRecord } from '../lib/route-schema.js'
import type { preValidationHookHandler, RouteOptions } from 'fastify'
import { badParameter } from '../lib/errors.js'
import { addRouteHook } from '../lib/route-hooks.js'

const DECIMAL = /^(0|[1-9][0-9]{0,8})$/

function integerParams (schema: unknown): string[] {
  const properties = isRecord(schema) ? schema.properties : undefined
  if (!isRecord(properties)) return []
  return Object.entries(properties)
    .filter(([, property]) => isRecord(property) && property.type === 'integer')
    .map(([name]) => name)
}

export default fp(async function strictQuery (app) {
  app.addHook('onRoute', (route: RouteOptions) => {
    const names = integerParams(route.schema?.querystring)
    if (names.length === 0) return
    const check: preValidationHookHandler = (request, _reply, done) => {
      const query = request.query
      for (const name of names) {
        const value: unknown = typeof query === 'object' && query !== null ? Reflect.get(query, name) : undefined
        if (value !== undefined && (typeof value !== 'string' || !DECIMAL.test(value))) {
          done(badParameter(name, 'must be a whole number written in decimal digits'))
          return
        }
      }
      done()
    }
    addRouteHook(route, 'preValidation', 'strict-query', check)
  })
}, { name: 'strict-query' })
