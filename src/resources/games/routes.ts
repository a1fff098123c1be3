import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getById } from '../../routes/read.js'
import { listResponse, pageOf } from '../../lib/paging.js'
import { IdParamsOf, Ref } from '../../schemas/common.js'
import { Game, GameList, GameListQuery } from './schemas.js'
import { GameSponsorsQuery, SponsorList } from '../sponsors/schemas.js'
import { assertFilterRefs, assertParent } from '../../routes/references.js'

/** `{id}` with a seeded example, so Swagger UI's "Try it out" answers 200 without typing. */
const GameIdParams = IdParamsOf('la-2028')

const tags = ['games']

const games: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/games', {
    schema: {
      tags,
      operationId: 'listGames',
      summary: 'List Olympic Games editions',
      description: 'The Summer and Winter Games editions the contracts cover, oldest first by default; `season` narrows to one.',
      querystring: GameListQuery,
      response: { 200: { ...Ref(GameList), description: 'A page of Games editions, with the cursor of the next.' } }
    }
  }, async (request, reply) => {
    const { sort, limit, cursor, season } = request.query
    const page = pageOf({ sort, limit, cursor }, 'year')
    return listResponse(request, reply, app.repos.games.list({ season }, page), page.limit)
  })

  getById(app, { kind: 'game', path: 'games', params: GameIdParams, schema: Game, get: (id) => app.repos.games.get(id) }, {
    summary: 'Get a Games edition',
    description: 'One Games edition by id (e.g. `pyeongchang-2018`), with its host city, country, dates and sources.'
  })

  app.get('/games/:id/sponsors', {
    schema: {
      tags,
      operationId: 'listGamesSponsors',
      summary: 'List the sponsors whose contracts cover a Games edition',
      description: 'Sponsors with at least one contract naming this edition; takes the same filters as /v1/sponsors.',
      params: GameIdParams,
      querystring: GameSponsorsQuery,
      response: { 200: { ...Ref(SponsorList), description: 'A page of the sponsors whose contracts cover this edition.' } }
    }
  }, async (request, reply) => {
    const { id } = request.params
    assertParent(app.repos, 'games', id)
    const { sort, limit, cursor, mode, ...filters } = request.query
    assertFilterRefs(app.repos, { category: filters.category })
    const page = pageOf({ sort, limit, cursor }, 'name')
    return listResponse(request, reply, app.repos.sponsors.list({ ...filters, q: app.repos.search.query('q', filters.q, mode), games: id }, page, app.clock.today()), page.limit)
  })
}

export default games
