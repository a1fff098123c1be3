import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getById } from '../../routes/read.js'
import { IdParamsOf } from '../../schemas/common.js'
import { Game, GameList, GameListQuery } from './schemas.js'
import { GameSponsorsQuery, SponsorList } from '../sponsors/schemas.js'
import { listRoute } from '../../routes/list.js'

/** `{id}` with a seeded example, so Swagger UI's "Try it out" answers 200 without typing. */
const GameIdParams = IdParamsOf('la-2028')

const games: FastifyPluginAsyncTypebox = async (app) => {
  listRoute(app, {
    path: '/games',
    operationId: 'listGames',
    summary: 'List Olympic Games editions',
    description: 'The Summer and Winter Games editions the contracts cover, oldest first by default; `season` narrows to one.',
    querystring: GameListQuery,
    list: GameList,
    returns: 'A page of Games editions, with the cursor of the next.',
    sort: 'year',
    rows: ({ season }, page) => app.repos.games.list({ season }, page)
  })

  getById(app, { kind: 'game', path: 'games', params: GameIdParams, schema: Game, get: (id) => app.repos.games.get(id) }, {
    summary: 'Get a Games edition',
    description: 'One Games edition by id (e.g. `pyeongchang-2018`), with its host city, country, dates and sources.'
  })

  listRoute(app, {
    path: '/games/:id/sponsors',
    operationId: 'listGamesSponsors',
    summary: 'List the sponsors whose contracts cover a Games edition',
    description: 'Sponsors with at least one contract naming this edition; takes the same filters as /v1/sponsors.',
    params: GameIdParams,
    querystring: GameSponsorsQuery,
    list: SponsorList,
    returns: 'A page of the sponsors whose contracts cover this edition.',
    parent: 'games',
    sort: 'name',
    rows: ({ mode, ...filters }, page, { id }) => app.repos.sponsors.list({ ...filters, q: app.repos.search.query('q', filters.q, mode), games: id }, page, app.clock.today())
  })
}

export default games
