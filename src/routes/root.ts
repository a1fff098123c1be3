// GET /: a small index of the API, as GitHub's root endpoint is: where the documentation
// and every resource list live, so a person or a client can start from the bare origin.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ROOT_LINKS } from '../schemas/meta.js'

const root: FastifyPluginAsyncTypebox<{ name: string, version: string }> = async (app, options) => {
  app.get('/', {
    schema: {
      tags: ['meta'],
      operationId: 'getIndex',
      summary: 'The index: name, version and where everything is',
      description: 'What a person opening the server in a browser sees first: the API\'s name and version, and links to the documentation (`/docs`, `/openapi.json`), `/explore` and every `/v1` resource list.',
      response: { 200: { ...Type.Ref('ApiIndex'), description: 'The index.' } }
    }
  }, async () => ({ name: options.name, version: options.version, links: ROOT_LINKS }))
}

export default root
