// Bearer API keys on the routes that ask for a scope (`config: { scope: 'write' }`):
// no or bad key 401, a key without the scope 403. Reads stay public.
import fp from 'fastify-plugin'
import type { onRequestAsyncHookHandler, RouteOptions } from 'fastify'
import { ApiError } from '../lib/errors.js'
import { addRouteHook } from '../lib/route-hooks.js'
import { responsesOf } from '../lib/route-schema.js'
import type { ApiKey, Scope } from '../repositories/keys.js'
import { problemResponse } from './problems.js'

declare module 'fastify' {
  interface FastifyRequest {
    apiKey: ApiKey | null
  }
  interface FastifyContextConfig {
    scope?: Scope
  }
}

const REALM = 'Bearer realm="olympic-sponsors"'

function unauthorized (detail: string, invalid: boolean): ApiError {
  return new ApiError('UNAUTHORIZED', detail, {
    headers: { 'www-authenticate': invalid ? `${REALM}, error="invalid_token"` : REALM }
  })
}

export default fp(async function auth (app) {
  app.decorateRequest('apiKey', null)

  app.addHook('onRoute', (route: RouteOptions) => {
    const scope = route.config?.scope
    if (scope === undefined) return
    const check: onRequestAsyncHookHandler = async (request) => {
      const header = request.headers.authorization
      if (header === undefined || header === '') throw unauthorized('This operation needs an API key: send "Authorization: Bearer <key>".', false)
      const match = /^Bearer +(\S+)$/i.exec(header)
      if (match === null) throw unauthorized('The Authorization header must read "Bearer <key>".', true)
      const result = app.repos.keys.verify(match[1] ?? '', app.clock.now())
      if (!result.ok) {
        throw unauthorized(result.reason === 'revoked' ? 'This API key has been revoked.' : 'This API key is not valid.', true)
      }
      if (scope !== 'read' && result.key.scope !== scope) {
        throw new ApiError('FORBIDDEN', `This operation needs a key with the ${scope} scope; key "${result.key.name}" has ${result.key.scope}.`)
      }
      request.apiKey = result.key
    }
    addRouteHook(route, 'onRequest', 'auth', check)
    if (route.schema !== undefined) {
      route.schema.security = [{ bearerAuth: [] }]
      const response = responsesOf(route.schema)
      response[401] ??= problemResponse('No API key, or one that is unknown or revoked.')
      response[403] ??= problemResponse('The API key lacks the scope this operation needs.')
    }
  })
}, { name: 'auth', dependencies: ['database'] })
