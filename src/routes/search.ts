import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { SearchQuery, SearchResults } from '../schemas/search-results.js'
import { listRoute } from './list.js'

const search: FastifyPluginAsyncTypebox = async (app) => {
  listRoute(app, {
    path: '/search',
    operationId: 'search',
    summary: 'Full-text search across sponsors, categories, contracts and meetings',
    description: 'Searches sponsors (name, industry, headquarters, description), categories (name, description), contracts (sponsors, categories, notes) and meetings (participants, place, summary, quotes). Hits are ranked by relevance (BM25), best first.',
    querystring: SearchQuery,
    list: SearchResults,
    returns: 'A page of matching records, best match first.',
    rows: ({ q, mode, type }, page) => app.repos.search.search(app.repos.search.query('q', q, mode), { type, limit: page.limit, cursor: page.cursor })
  })
}

export default search
