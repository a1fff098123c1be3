import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getById } from '../../routes/read.js'
import { registerWrites } from '../../routes/writes.js'
import { SourceCreate, SourcePatch, type SourceInput, references } from './schemas.js'
import { listRoute } from '../../routes/list.js'
import { IdParamsOf } from '../../schemas/common.js'
import { Source, SourceList, SourceListQuery } from './schemas.js'

/** `{id}` with a seeded example, so Swagger UI's "Try it out" answers 200 without typing. */
const SourceIdParams = IdParamsOf('insidethegames-2017-01-19-alibaba-top-sponsor')

const sources: FastifyPluginAsyncTypebox = async (app) => {
  listRoute(app, {
    path: '/sources',
    operationId: 'listSources',
    summary: 'List sources',
    description: 'Every source cited by a record, sorted by title by default.',
    querystring: SourceListQuery,
    list: SourceList,
    returns: 'A page of sources, with the cursor of the next.',
    sort: 'title',
    rows: (_, page) => app.repos.sources.list(page)
  })

  getById(app, { kind: 'source', path: 'sources', params: SourceIdParams, schema: Source, get: (id) => app.repos.sources.get(id) }, {
    summary: 'Get a source',
    description: 'One source by id: its title, publisher, URL and publication date.'
  })

  registerWrites<SourceInput, Source>(app, {
    params: SourceIdParams,
    kind: 'source',
    path: 'sources',
    schemas: { Create: SourceCreate, Patch: SourcePatch, Read: Source },
    get: (id) => app.repos.sources.get(id),
    toInput: (source) => source,
    upsert: (input) => { app.repos.sources.upsert(input) },
    remove: (id) => { app.repos.sources.remove(id) },
    baseId: (body) => `${body.publisher ?? 'source'} ${body.publishedOn ?? ''} ${body.title}`.slice(0, 80),
    idFrom: 'publisher, date and title',
    references,
    duplicateOf: (input) => app.repos.integrity.sourceWithUrl(input),
    naturalKey: 'URL'
  })
}

export default sources
