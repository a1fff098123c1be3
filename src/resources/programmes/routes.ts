import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getById } from '../../routes/read.js'
import { IdParamsOf } from '../../schemas/common.js'
import { Programme, ProgrammeList, ProgrammeListQuery } from './schemas.js'
import { listRoute } from '../../routes/list.js'

/** `{id}` with a seeded example, so Swagger UI's "Try it out" answers 200 without typing. */
const ProgrammeIdParams = IdParamsOf('top-viii')

const programmes: FastifyPluginAsyncTypebox = async (app) => {
  listRoute(app, {
    path: '/programmes',
    operationId: 'listProgrammes',
    summary: 'List TOP programme editions',
    description: 'TOP I (1985–1988) to TOP VIII (2013–2016), then the quadrennials named by their years, oldest first by default. Each lists its partners (sponsors with a contract overlapping the period) and the Games held in it; `partnerCount` and `revenue` are the figures the IOC published, or null.',
    querystring: ProgrammeListQuery,
    list: ProgrammeList,
    returns: 'A page of TOP programme editions, with the cursor of the next.',
    sort: 'startsOn',
    rows: (_, page) => app.repos.programmes.list(page)
  })

  getById(app, { kind: 'programme', path: 'programmes', params: ProgrammeIdParams, schema: Programme, get: (id) => app.repos.programmes.get(id) }, {
    summary: 'Get a TOP programme edition',
    description: 'One programme edition by id (e.g. `top-viii`, `top-2021-2024`), with its partners, Games, published partner count and revenue, and sources. Answers an ETag; send it back in If-None-Match for a 304.'
  })
}

export default programmes
