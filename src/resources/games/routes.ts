import { collection, type Collection } from '../../routes/collection.js'
import { listRoute } from '../../routes/list.js'
import { Game, GameInput, GameList, GameListQuery } from './schemas.js'
import { GameSponsorsQuery, SponsorList } from '../sponsors/schemas.js'
import { sponsorFilters } from '../sponsors/routes.js'

const routes: Collection = collection({
  example: 'la-2028',
  schemas: { read: Game, list: GameList, query: GameListQuery, input: GameInput },
  list: {
    description: 'The Summer and Winter Games editions the contracts cover, oldest first by default; `season` narrows to one.',
    rows: (repos, { season }, page) => repos.games.list({ season }, page)
  },
  get: { description: 'One Games edition by id (e.g. `pyeongchang-2018`), with its host city, country, dates and sources.' },
  store: (repos) => repos.games,
  more: (app, params) => {
    listRoute(app, {
      path: '/games/:id/sponsors',
      operationId: 'listGamesSponsors',
      summary: 'List the sponsors whose contracts cover a Games edition',
      description: 'Sponsors with at least one contract naming this edition; takes the same filters as /v1/sponsors.',
      params,
      querystring: GameSponsorsQuery,
      list: SponsorList,
      returns: 'A page of the sponsors whose contracts cover this edition.',
      parent: 'games',
      rows: (query, page, { id }) => app.repos.sponsors.listJson({ ...sponsorFilters(query, app.repos.search), games: id }, page, app.clock.today())
    })
  }
})

export default routes
