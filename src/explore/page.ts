// The /explore page: the chart inline, a plain GET form whose fields are the
// /v1/contracts query parameters, the request that returns the same records as JSON,
// the per-edition table and the contracts with their sources. No script at all; its
// one stylesheet is inline and allowed by its hash (see PAGE_CSP).
import { createHash } from 'node:crypto'
import type { Contract } from '../resources/contracts/schemas.js'
import { renderChart } from './chart.js'
import { esc, formerly, termOf } from './markup.js'
import { apiQuery, FILTER_NAMES, FIRST_YEAR, LAST_YEAR, type ExploreFilters, type ExploreModel, type ProgrammeBand } from './model.js'

const CSS = `body{font:15px/1.45 system-ui,sans-serif;color:#1b1f24;margin:0 auto;max-width:1240px;padding:0 16px 32px}
h1{font-size:1.5em;margin:.8em 0 .3em}h2{font-size:1.15em;margin:1.6em 0 .4em}
form{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:end;margin:.6em 0;padding:10px;background:#f6f8fa;border:1px solid #d0d7de}
label{display:flex;flex-direction:column;font-size:.85em}select,input,button{font:inherit}
figure{margin:.6em 0;overflow-x:auto}svg{max-width:100%;height:auto}
svg a:hover rect,svg a:focus rect{opacity:.75}svg a:focus{outline:2px solid #0969da}
code{background:#f6f8fa;padding:1px 4px}table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{border-bottom:1px solid #eaeef2;padding:4px 6px;text-align:left;vertical-align:top}
td.n{text-align:right;white-space:nowrap}.diff{color:#cf222e}.note{color:#57606a;font-size:.9em}`

/**
 * The page's policy: its own stylesheet (by hash), no script, forms to this server.
 * The only image is the empty data: icon that spares the browser a /favicon.ico request.
 */
export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; img-src data:; ` +
  'form-action \'self\'; base-uri \'none\'; frame-ancestors \'none\''

/** /explore?… with these filters ('' with none). */
export function exploreUrl (filters: ExploreFilters, path = '/explore'): string {
  const params = new URLSearchParams()
  for (const name of FILTER_NAMES) {
    const value = filters[name]
    if (value !== undefined) params.set(name, value)
  }
  const query = params.toString()
  return query === '' ? path : `${path}?${query}`
}

/** What the filters select, in words: the chart's title. */
export function describeFilters (model: ExploreModel): string {
  const { category, country, programme, activeOn } = model.filters
  const parts: string[] = []
  if (category !== undefined) parts.push(`category ${model.categories.find((c) => c.id === category)?.name ?? category}`)
  if (country !== undefined) parts.push(`partners based in ${country}`)
  if (programme !== undefined) parts.push(`programme ${model.programmes.find((p) => p.id === programme)?.name ?? programme}`)
  if (activeOn !== undefined) parts.push(`active on ${activeOn}`)
  return `TOP partners ${FIRST_YEAR}–${LAST_YEAR}${parts.length === 0 ? '' : `: ${parts.join(', ')}`}`
}

function select (name: string, label: string, current: string | undefined, options: Array<{ value: string, text: string }>): string {
  const items = options.map((o) => `<option value="${esc(o.value)}"${o.value === current ? ' selected' : ''}>${esc(o.text)}</option>`).join('')
  return `<label>${esc(label)}<select name="${name}"><option value="">any</option>${items}</select></label>`
}

function form (model: ExploreModel): string {
  const { filters } = model
  return '<form method="get" action="/explore">' +
    select('category', 'Category', filters.category, model.categories.map((c) => ({ value: c.id, text: c.name }))) +
    select('country', 'Partner based in', filters.country, model.countries.map((c) => ({ value: c, text: c }))) +
    (model.programmes.length === 0 ? '' : select('programme', 'Programme edition', filters.programme, model.programmes.map((p) => ({ value: p.id, text: p.name })))) +
    `<label>Active on<input type="date" name="activeOn" value="${esc(filters.activeOn ?? '')}" min="${FIRST_YEAR}-01-01" max="${LAST_YEAR}-12-31"></label>` +
    '<button type="submit">Show</button>' +
    ` <a href="/explore">All contracts</a> · <a href="${esc(exploreUrl({ activeOn: model.today }))}">Active today</a></form>`
}

function programmeTable (programmes: ProgrammeBand[], categoriesOf: (band: ProgrammeBand, sponsor: string) => string[]): string {
  if (programmes.length === 0) return ''
  const rows = programmes.map((band) => {
    const partners = band.partners.map((p) => {
      const categories = categoriesOf(band, p.id)
      return `<a href="/v1/sponsors/${esc(p.id)}/timeline">${esc(p.name)}</a>${categories.length === 0 ? '' : ` (${esc(categories.join(', '))})`}`
    }).join('; ')
    const ours = band.partners.length
    const differs = band.partnerCount !== null && band.partnerCount !== ours
    return `<tr data-programme="${esc(band.id)}"><th scope="row"><a href="${esc(exploreUrl({ programme: band.id }))}">${esc(band.name)}</a></th>` +
      `<td class="n">${esc(band.from.slice(0, 4))}–${esc(band.to.slice(0, 4))}</td><td>${partners}</td>` +
      `<td class="n${differs ? ' diff' : ''}">${ours}</td><td class="n">${band.partnerCount ?? '—'}</td></tr>`
  }).join('')
  return '<h2 id="programmes">Programme editions</h2><p class="note">Partners are the sponsors holding a contract during the edition; where the record and the IOC\'s published count differ, the record\'s count is in red.</p>' +
    '<table><thead><tr><th scope="col">Edition</th><th scope="col">Years</th><th scope="col">Partners (categories)</th><th scope="col">Partners in the record</th><th scope="col">IOC count</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>`
}

function contractTable (contracts: Contract[], countryOf: (sponsor: string) => string | null): string {
  const rows = contracts.map((contract) => {
    const partners = contract.sponsors.map((s) => {
      const country = countryOf(s.id)
      return `<a href="/v1/sponsors/${esc(s.id)}/timeline">${esc(s.name)}</a>${country === null ? '' : ` <a href="${esc(exploreUrl({ country }))}">${esc(country)}</a>`}`
    }).join(' + ')
    const categories = contract.categories.map((c) => `<a href="${esc(exploreUrl({ category: c.id }))}">${esc(c.name)}</a>`).join(', ')
    const sources = contract.sources.map((s) => `<a href="${esc(s.url)}" rel="noreferrer">${esc(s.title)}</a>`).join('; ')
    return `<tr data-contract="${esc(contract.id)}"><td><a href="/v1/contracts/${esc(contract.id)}">${esc(contract.id)}</a></td><td>${partners}</td><td>${categories}</td>` +
      `<td class="n">${esc(termOf(contract))}</td><td>${sources}</td></tr>`
  }).join('')
  return `<h2 id="contracts">Contracts shown (${contracts.length})</h2>` +
    '<table><thead><tr><th scope="col">Contract (JSON)</th><th scope="col">Partners</th><th scope="col">Categories</th><th scope="col">Term</th><th scope="col">Sources</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>`
}

export interface PageExtras {
  /** Categories a partner held during an edition (for the per-edition table). */
  categoriesOf: (band: ProgrammeBand, sponsor: string) => string[]
}

export function renderPage (model: ExploreModel, extras: PageExtras): string {
  const title = describeFilters(model)
  const api = `/v1/contracts?${apiQuery(model.filters)}`
  const countries = new Map(model.rows.map((row) => [row.sponsor.id, row.sponsor.country]))
  const names = model.rows.filter((row) => row.sponsor.formerNames.length > 0)
    .map((row) => `<li>${esc(row.sponsor.name)}: ${esc(formerly(row.sponsor.formerNames))}</li>`).join('')
  return '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${esc(title)}</title><link rel="icon" href="data:,"><style>${CSS}</style></head><body>` +
    `<h1>${esc(title)}</h1>` +
    '<p>Every contract of The Olympic Partner programme in this API\'s record: one row per partner, one bar per contract coloured by category, programme editions as bands, Games editions as ticks, today in red. Bars open the contract, names the partner\'s timeline.</p>' +
    form(model) +
    `<p>The same records as JSON: <a href="${esc(api)}" id="api-request"><code>GET ${esc(api)}</code></a> · this chart as an image: <a href="${esc(exploreUrl(model.filters, '/explore/chart.svg'))}" id="chart-image"><code>${esc(exploreUrl(model.filters, '/explore/chart.svg'))}</code></a></p>` +
    `<figure>${renderChart(model, title)}</figure>` +
    (names === '' ? '' : `<h2 id="names">Names over time</h2><ul>${names}</ul>`) +
    programmeTable(model.programmes, extras.categoriesOf) +
    contractTable(model.contracts, (id) => countries.get(id) ?? null) +
    '<p class="note">Served by this API from its own records; <a href="/docs">API documentation</a>.</p></body></html>'
}
