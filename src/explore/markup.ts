// Escaping and small formatting shared by the chart (SVG) and the page (HTML).
import type { Contract } from '../resources/contracts/schemas.js'
import type { FormerName } from './model.js'

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }

/** Text made safe for XML/HTML content and double-quoted attributes. */
export function esc (value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch)
}

/** "1985 – 2020", "2021 – open-ended", with "(ended early)". */
export function termOf (contract: Contract): string {
  const end = contract.endsOn ?? 'open-ended'
  return `${contract.startsOn} – ${end}${contract.endedEarly ? ' (ended early)' : ''}`
}

/** "formerly Schlumberger Sema (2001–2002)", or '' for a partner that kept its name. */
export function formerly (names: FormerName[]): string {
  if (names.length === 0) return ''
  const parts = names.map((n) => {
    const span = n.from === null && n.until === null ? '' : ` (${n.from ?? '?'}–${n.until ?? '?'})`
    return `${n.name}${span}`
  })
  return `formerly ${parts.join(', ')}`
}

/** One line naming a contract: partners, categories, term. */
export function describeContract (contract: Contract): string {
  const who = contract.sponsors.map((s) => s.name).join(' + ')
  const what = contract.categories.map((c) => c.name).join(', ')
  return `${who}: ${what}, ${termOf(contract)}`
}
