import { collection, type Collection } from '../../routes/collection.js'
import { assertParent } from '../../routes/references.js'
import { listResponse, pageInMemory, pageOf } from '../../lib/paging.js'
import { firstDay } from '../../lib/partial-date.js'
import { Ref } from '../../schemas/common.js'
import { Category, CategoryCreate, CategoryInput, CategoryList, CategoryListQuery, CategoryPatch, HolderList, HoldersQuery, references } from './schemas.js'

const routes: Collection = collection({
  example: 'cloud-services',
  schemas: { read: Category, list: CategoryList, query: CategoryListQuery, input: CategoryInput, create: CategoryCreate, patch: CategoryPatch },
  list: {
    summary: 'List TOP product categories',
    description: 'Every category, sorted by name by default, each with its sources. Who held one, and when, is at /v1/categories/{id}/holders.',
    rows: (repos, _, page) => repos.categories.list(page)
  },
  get: { description: 'One category by id, with its sources. Answers an ETag; send it back in If-None-Match for a 304.' },
  store: (repos) => repos.categories,
  more: (app, params) => {
    app.get('/categories/:id/holders', {
      schema: {
        tags: ['categories'],
        operationId: 'listCategoryHolders',
        summary: 'Who held a category on a day',
        description: 'The sponsors holding the category on `on` (default today, UTC), each with the contract that grants it, ordered by the contract\'s start (`sort=-startsOn`: latest first). TOP categories are exclusive, so this is usually one sponsor, the partners of one joint contract, or nobody; a sponsor\'s overlapping contracts (an extension) each appear.',
        params,
        querystring: HoldersQuery,
        response: { 200: { ...Ref(HolderList), description: 'A page of the category\'s holders, each with the terms of its contract.' } }
      }
    }, async (request, reply) => {
      const { id } = request.params
      assertParent(app.repos, 'category', id)
      const today = app.clock.today()
      const { on = today, ...query } = request.query
      const page = pageOf(query, 'startsOn')
      const holders = app.repos.contracts.holding(id, on, today).flatMap((contract) =>
        contract.sponsors.map((sponsor) => ({
          sponsor,
          contract: { id: contract.id, startsOn: contract.startsOn, endsOn: contract.endsOn }
        })))
      const keyOf = (holder: typeof holders[number]) => `${firstDay(holder.contract.startsOn)}|${holder.contract.id}|${holder.sponsor.id}`
      const body = listResponse(request, reply, pageInMemory(holders, keyOf, { ...page, descending: page.sort === '-startsOn' }), page.limit)
      return { data: body.data, meta: { on, ...body.meta } }
    })
  },
  writes: () => ({
    toInput: ({ sources, ...fields }) => ({ ...fields, sources: sources.map((s) => s.id) }),
    baseId: (body) => body.name,
    idFrom: 'name',
    references
  })
})

export default routes
