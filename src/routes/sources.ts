import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { notFound } from '../lib/errors.js'
import { listResponse, pageOf } from '../lib/paging.js'
import { IdParams, Ref } from '../schemas/common.js'
import { Source, SourceList, SourceListQuery } from '../schemas/sources.js'

const tags = ['sources']

const sources: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/sources', {
    schema: {
      tags,
      operationId: 'listSources',
      summary: 'List sources',
      querystring: SourceListQuery,
      response: { 200: Ref(SourceList) }
    }
  }, async (request, reply) => {
    const page = pageOf(request.query, 'title')
    return listResponse(request, reply, app.repos.sources.list(page), page.limit)
  })

  app.get('/sources/:id', {
    schema: {
      tags,
      operationId: 'getSource',
      summary: 'Get a source',
      params: IdParams,
      response: { 200: Ref(Source) }
    }
  }, async (request) => {
    const source = app.repos.sources.get(request.params.id)
    if (source === undefined) throw notFound('source', request.params.id)
    return source
  })
}

export default sources
