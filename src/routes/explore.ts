// GET /explore (an HTML page) and GET /explore/chart.svg (its chart as an image): the
// record on one timeline, drawn from the same repositories and filters as
// GET /v1/contracts. ETag, 304 and Cache-Control come from the caching plugin like
// every read; the page sets its own Content-Security-Policy (see PAGE_CSP).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { onSendHookHandler, preValidationHookHandler } from 'fastify'
import { Type } from 'typebox'
import { buildExploreModel, categoriesDuring, FILTER_NAMES, type ExploreFilters, type ExploreModel, type ProgrammeBand } from '../explore/model.js'
import { renderChart } from '../explore/chart.js'
import { describeFilters, PAGE_CSP, renderPage } from '../explore/page.js'
import { collectAll } from '../lib/paging.js'
import { firstDay, lastDay } from '../lib/partial-date.js'
import { CountryCode, Day, Id, Ref } from '../schemas/common.js'
import { assertFilterRefs } from './references.js'

const tags = ['explore']

/** The chart image's policy: an SVG with presentation attributes loads nothing. */
const SVG_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export const ExploreQuery = Type.Object({
  category: Type.Optional(Ref(Id)),
  country: Type.Optional(Ref(CountryCode)),
  programme: Type.Optional(Type.Unsafe<string>({ $ref: 'Id', description: 'A programme edition\'s id (e.g. `top-viii`): contracts whose term overlaps its period.' })),
  activeOn: Type.Optional(Day('Contracts running on this day.'))
}, { additionalProperties: false, description: 'The /v1/contracts filters of the same names; an empty value (what a form sends for "any") means no filter.' })

const PAGE_EXAMPLE = '<!doctype html><html lang="en"><head><title>TOP partners 1985–2032</title></head><body><h1>TOP partners 1985–2032</h1><figure><svg>…</svg></figure></body></html>'
const SVG_EXAMPLE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 900" role="img"><title id="chart-title">TOP partners 1985–2032</title>…</svg>'

/** A form sends every field; "any" arrives as an empty value and means no filter. */
const dropEmptyFilters: preValidationHookHandler = (request, _reply, done) => {
  const query = request.query
  if (typeof query === 'object' && query !== null) {
    for (const [name, value] of Object.entries(query)) if (value === '') Reflect.deleteProperty(query, name)
  }
  done()
}

/** Set in the route's own onSend, after the global hooks: this policy is the one sent. */
const policy = (csp: string): onSendHookHandler => (_request, reply, payload, done) => {
  reply.header('content-security-policy', csp)
  done(null, payload)
}

const explore: FastifyPluginAsyncTypebox = async (app) => {
  const programmes = (): ProgrammeBand[] => app.repos.programmes.all().map((p) => ({
    id: p.id, name: p.name, from: firstDay(p.startsOn), to: lastDay(p.endsOn), partnerCount: p.partnerCount, partners: p.partners
  }))

  function modelOf (query: ExploreFilters) {
    const filters: ExploreFilters = {}
    for (const name of FILTER_NAMES) {
      const value = query[name]
      if (value !== undefined) filters[name] = value
    }
    assertFilterRefs(app.repos, { category: filters.category, programme: filters.programme })
    return buildExploreModel(app.repos, filters, app.clock.today(), programmes)
  }

  /** One view of the model: its URL, document, media type, policy and renderer. */
  function view (url: string, doc: { operationId: string, summary: string, description: string, example: string, what: string },
    mediaType: string, csp: string, render: (model: ExploreModel) => string): void {
    app.get(url, {
      preValidation: dropEmptyFilters,
      onSend: policy(csp),
      schema: {
        tags,
        operationId: doc.operationId,
        summary: doc.summary,
        description: doc.description,
        querystring: ExploreQuery,
        response: { 200: { description: doc.what, content: { [mediaType]: { schema: Type.String({ maxLength: 2_000_000, examples: [doc.example] }) } } } }
      }
    }, async (request, reply) => reply.type(`${mediaType}; charset=utf-8`).send(render(modelOf(request.query))))
  }

  view('/explore', {
    operationId: 'getExplorePage',
    summary: 'The record on one timeline (HTML)',
    description: 'An HTML page, readable without JavaScript: every TOP contract as a bar on a 1985–2032 timeline (one row per partner, coloured by category, programme editions as bands, Games editions as ticks, today as a line), a filter form, the `/v1/contracts` request that returns the same records as JSON, and a table per programme edition.',
    example: PAGE_EXAMPLE,
    what: 'The page.'
  }, 'text/html', PAGE_CSP, (model) => {
    const all = model.programmes.length === 0 ? [] : collectAll((page) => app.repos.contracts.list({}, page, model.today), 'startsOn')
    return renderPage(model, { categoriesOf: (band, sponsor) => categoriesDuring(all, band, sponsor) })
  })

  view('/explore/chart.svg', {
    operationId: 'getExploreChart',
    summary: 'The timeline chart as an SVG image',
    description: 'The chart of `/explore` for the same filters, as a standalone SVG image with a `<title>` on every bar, row and tick: embed it with `<img src>`. Cacheable like every read (ETag, 304 on If-None-Match).',
    example: SVG_EXAMPLE,
    what: 'The chart.'
  }, 'image/svg+xml', SVG_CSP, (model) => renderChart(model, describeFilters(model)))
}

export default explore
