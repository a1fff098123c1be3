// A sponsor's timeline: its contracts' signing, start and end, its meetings, its other
// dated facts and the changes of its name (formerNames), in date order. Dates of reduced
// precision sort before fuller dates of the same period ("2017" before "2017-01" before
// "2017-01-19").
import { firstDay, lastDay } from '../../lib/partial-date.js'
import { clip } from '../../lib/text.js'
import { EVENT_SUMMARY_MAX } from './timeline-schemas.js'
import type { Contract } from '../contracts/schemas.js'
import type { Meeting } from '../meetings/schemas.js'
import type { TimelineEvent } from './timeline-schemas.js'
import type { Fact } from '../facts/repository.js'
import type { Sponsor } from './schemas.js'

const KIND_ORDER: Record<TimelineEvent['kind'], number> = {
  'contract-signed': 0,
  'contract-started': 1,
  'contract-starts': 1,
  meeting: 2,
  fact: 3,
  'contract-ended-early': 4,
  'contract-ended': 4,
  'contract-ends': 4,
  'name-changed': 5
}

function names (items: Array<{ name: string }>): string {
  return items.map((item) => item.name).join(', ')
}

function contractEvents (contract: Contract, today: string): TimelineEvent[] {
  const subject = { type: 'contract' as const, id: contract.id }
  const what = `TOP contract for ${names(contract.categories)}${contract.sponsors.length > 1 ? ` (joint with ${names(contract.sponsors)})` : ''}`
  const events: TimelineEvent[] = []
  const event = (date: string, kind: TimelineEvent['kind'], summary: string) => {
    events.push({ date, kind, summary: clip(summary, EVENT_SUMMARY_MAX), subject, sources: contract.sources })
  }
  if (contract.signedOn !== null) event(contract.signedOn, 'contract-signed', `Signed the ${what}.`)
  if (firstDay(contract.startsOn) <= today) event(contract.startsOn, 'contract-started', `The ${what} started.`)
  else event(contract.startsOn, 'contract-starts', `The ${what} is to start.`)
  if (contract.endsOn !== null) {
    if (contract.endedEarly) event(contract.endsOn, 'contract-ended-early', `The ${what} ended early, before its term.`)
    else if (lastDay(contract.endsOn) < today) event(contract.endsOn, 'contract-ended', `The ${what} ended at its term.`)
    else event(contract.endsOn, 'contract-ends', `The ${what} is due to end.`)
  }
  return events
}

/**
 * An event's place in the timeline as a string that sorts in that order and is unique:
 * the first day of its date, its precision, the kind's rank, then the kind and record.
 */
export function timelineKey (event: TimelineEvent): string {
  // A sponsor's changes of name share their subject: the summary (which names the former name) tells them apart.
  const parts = [firstDay(event.date), String(event.date.length).padStart(2, '0'), KIND_ORDER[event.kind], event.kind, event.subject.type, event.subject.id]
  return (event.kind === 'name-changed' ? [...parts, event.summary] : parts).join('|')
}

/** A meeting or another dated fact as one event. */
function recordEvent (type: 'meeting' | 'fact', record: Pick<TimelineEvent, 'date' | 'summary' | 'sources'> & { id: string }): TimelineEvent {
  return { date: record.date, kind: type, summary: record.summary, subject: { type, id: record.id }, sources: record.sources }
}

/**
 * The sponsor's changes of name: one event at the last date of each former name that has
 * one (formerNames are oldest first; the last gave way to the current name).
 */
function nameEvents (sponsor: Pick<Sponsor, 'id' | 'name' | 'formerNames' | 'sources'> | undefined): TimelineEvent[] {
  if (sponsor === undefined) return []
  return sponsor.formerNames.flatMap((former, i) => {
    if (former.until === null) return []
    const next = sponsor.formerNames[i + 1]?.name ?? sponsor.name
    return [{
      date: former.until,
      kind: 'name-changed' as const,
      summary: clip(`Went by ${former.name} until ${former.until}, then by ${next}.`, EVENT_SUMMARY_MAX),
      subject: { type: 'sponsor' as const, id: sponsor.id },
      sources: sponsor.sources
    }]
  })
}

/** A sponsor's events, unordered: the page puts them in timeline order (see timelineKey). */
export function buildTimeline (sponsor: Pick<Sponsor, 'id' | 'name' | 'formerNames' | 'sources'> | undefined, contracts: Contract[], meetings: Meeting[], facts: Fact[], today: string): TimelineEvent[] {
  return [
    ...nameEvents(sponsor),
    ...contracts.flatMap((contract) => contractEvents(contract, today)),
    ...meetings.map((meeting) => recordEvent('meeting', meeting)),
    ...facts.map((fact) => recordEvent('fact', fact))
  ]
}
