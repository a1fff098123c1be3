import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getById } from '../../routes/read.js'
import { registerWrites } from '../../routes/writes.js'
import { assertParent } from '../../routes/references.js'
import { CategoryCreate, CategoryPatch, type CategoryInput, references } from './schemas.js'
import { listResponse, pageInMemory, pageOf } from '../../lib/paging.js'
import { firstDay } from '../../lib/partial-date.js'
import { IdParamsOf, Ref } from '../../schemas/common.js'
import { Category, CategoryList, CategoryListQuery, HolderList, HoldersQuery } from './schemas.js'
import { listRoute } from '../../routes/list.js'

/** `{id}` with a seeded example, so Swagger UI's "Try it out" answers 200 without typing. */
const CategoryIdParams = IdParamsOf('cloud-services')

const tags = ['categories']

const categories: FastifyPluginAsyncTypebox = async (app) => {
  listRoute(app, {
    path: '/categories',
    operationId: 'listCategories',
    summary: 'List TOP product categories',
    description: 'Every category, sorted by name by default, each with its sources. Who held one, and when, is at /v1/categories/{id}/holders.',
    querystring: CategoryListQuery,
    list: CategoryList,
    returns: 'A page of categories, with the cursor of the next.',
    sort: 'name',
    rows: (_, page) => app.repos.categories.list(page)
  })

  getById(app, { kind: 'category', path: 'categories', params: CategoryIdParams, schema: Category, get: (id) => app.repos.categories.get(id) }, {
    summary: 'Get a category',
    description: 'One category by id, with its sources. Answers an ETag; send it back in If-None-Match for a 304.'
  })

  app.get('/categories/:id/holders', {
    schema: {
      tags,
      operationId: 'listCategoryHolders',
      summary: 'Who held a category on a day',
      description: 'The sponsors holding the category on `on` (default today, UTC), each with the contract that grants it, ordered by the contract\'s start (`sort=-startsOn`: latest first). TOP categories are exclusive, so this is usually one sponsor, the partners of one joint contract, or nobody; a sponsor\'s overlapping contracts (an extension) each appear.',
      params: CategoryIdParams,
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

  registerWrites<CategoryInput, Category>(app, {
    params: CategoryIdParams,
    kind: 'category',
    path: 'categories',
    schemas: { Create: CategoryCreate, Patch: CategoryPatch, Read: Category },
    get: (id) => app.repos.categories.get(id),
    toInput: ({ sources, ...fields }) => ({ ...fields, sources: sources.map((s) => s.id) }),
    upsert: (input) => { app.repos.categories.upsert(input) },
    remove: (id) => { app.repos.categories.remove(id) },
    baseId: (body) => body.name,
    idFrom: 'name',
    references
  })
}

export default categories
