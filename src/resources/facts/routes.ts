import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getById } from '../../routes/read.js'
import { Fact, FactCreate, FactIdParams, FactList, FactListQuery, FactPatch, type FactInput, references } from './schemas.js'
import { meetingFilters } from '../meetings/routes.js'
import { registerWrites } from '../../routes/writes.js'
import { listRoute } from '../../routes/list.js'

const facts: FastifyPluginAsyncTypebox = async (app) => {
  listRoute(app, {
    path: '/facts',
    operationId: 'listFacts',
    summary: 'List facts',
    description: 'Dated facts about sponsors other than their contracts and meetings (an extension, a renewal, a first), oldest first by default. A fact dated only to a month or year matches `from`/`to` when its period overlaps the range.',
    querystring: FactListQuery,
    list: FactList,
    returns: 'A page of facts, with the cursor of the next.',
    sort: 'date',
    rows: ({ sponsor, from, to, q }, page) => {
      // Same from/to rules as meetings; q is a plain substring here, not a full-text query.
      const range = meetingFilters({ from, to }, app.repos.search)
      return app.repos.facts.list({ sponsor, from: range.from, to: range.to, q }, page)
    }
  })

  getById(app, { kind: 'fact', path: 'facts', params: FactIdParams, schema: Fact, get: (id) => app.repos.facts.get(id) }, {
    summary: 'Get a fact',
    description: 'One dated fact by id: its sponsor, date, summary and sources.'
  })

  registerWrites<FactInput, Fact>(app, {
    kind: 'fact',
    path: 'facts',
    schemas: { Create: FactCreate, Patch: FactPatch, Read: Fact },
    params: FactIdParams,
    get: (id) => app.repos.facts.get(id),
    toInput: ({ sponsor, sources, ...fields }) => ({ ...fields, sponsor: sponsor.id, sources: sources.map((s) => s.id) }),
    upsert: (input) => { app.repos.facts.upsert(input) },
    remove: (id) => { app.repos.facts.remove(id) },
    baseId: (body) => `${body.sponsor} ${body.date} ${body.summary.split(/\s+/).slice(0, 6).join(' ')}`,
    idFrom: 'sponsor, the date and the first words of the summary',
    references
  })
}

export default facts
