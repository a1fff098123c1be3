import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { listResponse } from '../lib/paging.js'
import { Ref } from '../schemas/common.js'
import { SearchQuery, SearchResults } from '../schemas/search-results.js'

const search: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/search', {
    schema: {
      tags: ['search'],
      operationId: 'search',
      summary: 'Full-text search across sponsors, categories, contracts and meetings',
      description: 'Searches sponsors (name, industry, headquarters, description), categories (name, description), contracts (sponsors, categories, notes) and meetings (participants, place, summary, quotes). Hits are ranked by relevance (BM25), best first.',
      querystring: SearchQuery,
      response: { 200: { ...Ref(SearchResults), description: 'A page of matching records, best match first.' } }
    }
  }, async (request, reply) => {
    const { q, mode, type, cursor } = request.query
    const limit = request.query.limit ?? 20
    const match = app.repos.search.query('q', q, mode)
    return listResponse(request, reply, app.repos.search.search(match, { type, limit, cursor }), limit)
  })
}

export default search
