// The timeline as SVG, written by hand: one row per partner, one bar per contract
// coloured by category, programme editions as bands, Games editions as labelled
// ticks, today as a line. Presentation attributes only (no style element, no script),
// so it passes a strict Content-Security-Policy inline and renders as an <img>.
import { describeContract, esc, formerly } from './markup.js'
import { FIRST_YEAR, LAST_YEAR, type Bar, type ExploreModel, type Row } from './model.js'

export const WIDTH = 1200
const PLOT_LEFT = 250
const PLOT_RIGHT = WIDTH - 70
const BAND_TOP = 4
const TICKS_TOP = 28
const ROWS_TOP = 128
const ROW = 24
const ROW_NAMED = 36
const BAR = 14
const LEGEND_LINE = 16
const LEGEND_COLUMNS = 3

/** Twenty colours that stay distinct for most readers; categories take them in order of first appearance. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#79706e',
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#393b79']

const DAY_MS = 86_400_000

/** The x of the start of a day (YYYY-MM-DD); `after` gives the end of that day. */
export function xOf (day: string, after = false): number {
  const year = Number(day.slice(0, 4))
  const start = Date.UTC(year, 0, 1)
  const length = Date.UTC(year + 1, 0, 1) - start
  const offset = Date.UTC(year, Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) - start + (after ? DAY_MS : 0)
  const years = year - FIRST_YEAR + offset / length
  const x = PLOT_LEFT + years * (PLOT_RIGHT - PLOT_LEFT) / (LAST_YEAR + 1 - FIRST_YEAR)
  return Math.round(Math.min(PLOT_RIGHT, Math.max(PLOT_LEFT, x)) * 10) / 10
}

/** Each category shown, in order of first appearance, with its colour. */
export function coloursOf (rows: Row[]): Map<string, { name: string, colour: string }> {
  const colours = new Map<string, { name: string, colour: string }>()
  for (const row of rows) {
    for (const bar of row.bars) {
      for (const category of bar.contract.categories) {
        if (!colours.has(category.id)) colours.set(category.id, { name: category.name, colour: PALETTE[colours.size % PALETTE.length] ?? '#888' })
      }
    }
  }
  return colours
}

function barMarkup (bar: Bar, y: number, colours: Map<string, { colour: string }>): string {
  const { contract } = bar
  const x0 = xOf(bar.from)
  const width = Math.max(2, Math.round((xOf(bar.to, true) - x0) * 10) / 10)
  const stripe = BAR / Math.max(1, contract.categories.length)
  const rects = contract.categories.map((category, i) =>
    `<rect x="${x0}" y="${Math.round((y + i * stripe) * 10) / 10}" width="${width}" height="${Math.round(stripe * 10) / 10}" fill="${colours.get(category.id)?.colour ?? '#888'}"/>`).join('')
  const sources = contract.sources.length
  const title = `${describeContract(contract)}${bar.open ? ' (no end announced)' : ''}. Contract ${contract.id}, ${sources} source${sources === 1 ? '' : 's'}.`
  return `<a href="/v1/contracts/${esc(contract.id)}" data-contract="${esc(contract.id)}" class="bar"><title>${esc(title)}</title>${rects}` +
    `<rect x="${x0}" y="${y}" width="${width}" height="${BAR}" fill="none" stroke="#1b1f24" stroke-opacity="0.35"/></a>`
}

function rowMarkup (row: Row, top: number, height: number, colours: Map<string, { colour: string }>): string {
  const { sponsor } = row
  const former = formerly(sponsor.formerNames)
  const label = `<a href="/v1/sponsors/${esc(sponsor.id)}/timeline" data-sponsor="${esc(sponsor.id)}"><title>${esc(`${sponsor.name}${former === '' ? '' : `, ${former}`}: its timeline`)}</title>` +
    `<text x="${PLOT_LEFT - 8}" y="${top + 16}" text-anchor="end" fill="#1b1f24">${esc(sponsor.name)}${sponsor.country === null ? '' : ` <tspan fill="#6a737d">${esc(sponsor.country)}</tspan>`}</text>` +
    (former === '' ? '' : `<text x="${PLOT_LEFT - 8}" y="${top + 29}" text-anchor="end" font-size="9" fill="#57606a">${esc(former)}</text>`) + '</a>'
  const barY = top + 5
  return `<g class="row"><line x1="0" x2="${WIDTH}" y1="${top + height}" y2="${top + height}" stroke="#eaeef2"/>${label}${row.bars.map((bar) => barMarkup(bar, barY, colours)).join('')}</g>`
}

/** The whole chart for a model; `title` names what is shown (the filters). */
export function renderChart (model: ExploreModel, title: string): string {
  const colours = coloursOf(model.rows)
  const heights = model.rows.map((row) => (row.sponsor.formerNames.length > 0 ? ROW_NAMED : ROW))
  const rowsHeight = Math.max(ROW * 2, heights.reduce((sum, h) => sum + h, 0))
  const axisY = ROWS_TOP + rowsHeight + 4
  const legendTop = axisY + 30
  const legendRows = Math.ceil(colours.size / LEGEND_COLUMNS)
  const height = legendTop + legendRows * LEGEND_LINE + 8
  const parts: string[] = []

  // Programme editions: alternating bands behind everything, labelled at the top.
  model.programmes.forEach((band, i) => {
    const x0 = xOf(band.from)
    const x1 = xOf(band.to, true)
    parts.push(`<g class="programme" data-programme="${esc(band.id)}"><title>${esc(`${band.name}: ${band.from.slice(0, 4)}–${band.to.slice(0, 4)}`)}</title>` +
      `<rect x="${x0}" y="${BAND_TOP}" width="${Math.round((x1 - x0) * 10) / 10}" height="${axisY - BAND_TOP}" fill="${i % 2 === 0 ? '#eef2f8' : '#f8f9fb'}"/>` +
      `<text x="${Math.round((x0 + x1) / 2)}" y="${BAND_TOP + 14}" text-anchor="middle" font-size="9" fill="#3d4b5c">${esc(band.name)}</text></g>`)
  })

  // Years: a light grid every five years, labelled under the rows.
  for (let year = FIRST_YEAR; year <= LAST_YEAR + 1; year++) {
    if (year % 5 !== 0) continue
    const x = xOf(`${year}-01-01`)
    parts.push(`<line x1="${x}" x2="${x}" y1="${ROWS_TOP}" y2="${axisY}" stroke="#d0d7de" stroke-dasharray="2 3"/>` +
      `<text x="${x}" y="${axisY + 14}" text-anchor="middle" fill="#57606a">${year}</text>`)
  }

  // Games editions: a tick across the rows and its name, slanted to fit.
  for (const games of model.games) {
    if (games.year < FIRST_YEAR || games.year > LAST_YEAR) continue
    const x = xOf(games.date)
    const colour = games.season === 'winter' ? '#0969da' : '#bc4c00'
    parts.push(`<g class="games" data-games="${esc(games.id)}"><title>${esc(`${games.name} (${games.season} Games)`)}</title>` +
      `<line x1="${x}" x2="${x}" y1="${ROWS_TOP - 6}" y2="${axisY}" stroke="${colour}" stroke-opacity="0.35"/>` +
      `<text transform="translate(${x + 3} ${ROWS_TOP - 8}) rotate(-55)" font-size="9" fill="${colour}">${esc(games.name)}</text></g>`)
  }

  let top = ROWS_TOP
  model.rows.forEach((row, i) => {
    const h = heights[i] ?? ROW
    parts.push(rowMarkup(row, top, h, colours))
    top += h
  })
  if (model.rows.length === 0) {
    parts.push(`<text x="${(PLOT_LEFT + PLOT_RIGHT) / 2}" y="${ROWS_TOP + 28}" text-anchor="middle" fill="#57606a">No contract matches these filters.</text>`)
  }

  const todayX = xOf(model.today)
  parts.push(`<g class="today"><title>Today, ${esc(model.today)}</title><line x1="${todayX}" x2="${todayX}" y1="${TICKS_TOP}" y2="${axisY}" stroke="#cf222e" stroke-width="1.5"/>` +
    `<text x="${todayX - 3}" y="${axisY + 26}" text-anchor="end" font-size="10" fill="#cf222e">today ${esc(model.today)}</text></g>`)

  // Legend: the categories shown, in columns.
  const columnWidth = WIDTH / LEGEND_COLUMNS
  ;[...colours.values()].forEach((entry, i) => {
    const x = 10 + (i % LEGEND_COLUMNS) * columnWidth
    const y = legendTop + Math.floor(i / LEGEND_COLUMNS) * LEGEND_LINE
    parts.push(`<rect x="${x}" y="${y}" width="10" height="10" fill="${entry.colour}"/><text x="${x + 15}" y="${y + 9}" font-size="10" fill="#1b1f24">${esc(entry.name)}</text>`)
  })

  const description = `${model.contracts.length} contracts of ${model.rows.length} partners, ${FIRST_YEAR}–${LAST_YEAR}.`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="chart-title chart-desc" font-family="system-ui, sans-serif" font-size="11">` +
    `<title id="chart-title">${esc(title)}</title><desc id="chart-desc">${esc(description)}</desc>` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>${parts.join('')}</svg>`
}
