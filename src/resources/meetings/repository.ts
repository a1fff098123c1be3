import { eq, sql } from 'drizzle-orm'
import type { Static } from 'typebox'
import type { Db } from '../../db/open.js'
import { meetingParticipants, meetingQuotes, meetings, meetingSources, meetingSponsors } from './tables.js'
import { sponsors } from '../sponsors/tables.js'
import type { Summary } from '../../schemas/common.js'
import type { Meeting, MeetingInput } from './schemas.js'
import { parseJson, q, sourcesOf, summariesOf } from '../../repositories/embed.js'
import { type RowOf } from '../../repositories/keyset.js'
import { replaceLinks, replaceSources } from '../../repositories/links.js'
import type { SearchRepository } from '../../repositories/search.js'
import { createReads, withSources } from '../../repositories/records.js'
import type { PageRequest } from '../../lib/paging.js'

const m = meetings
const p = meetingParticipants
const mq = meetingQuotes

const select = {
  id: m.id,
  date: m.date,
  city: m.city,
  country: m.country,
  summary: m.summary,
  sponsors: summariesOf({ table: meetingSponsors, owner: meetingSponsors.meetingId, target: meetingSponsors.sponsorId, position: meetingSponsors.position }, { table: sponsors, id: sponsors.id, name: sponsors.name }, m.id),
  participants: sql<string>`(select json_group_array(json_object('name', ${q(p.name)}, 'role', ${q(p.role)}, 'organisation', ${q(p.organisation)}) order by ${q(p.position)}) from ${p} where ${q(p.meetingId)} = ${q(m.id)})`,
  quotes: sql<string>`(select json_group_array(json_object('speaker', ${q(mq.speaker)}, 'text', ${q(mq.text)}) order by ${q(mq.position)}) from ${mq} where ${q(mq.meetingId)} = ${q(m.id)})`,
  sources: sourcesOf(meetingSources, m.id)
}

type Row = RowOf<typeof select>

function toMeeting (row: Row): Meeting {
  const { city, country, ...fields } = withSources(row)
  return {
    ...fields,
    location: { city, country },
    sponsors: parseJson<Array<Static<typeof Summary>>>(row.sponsors),
    participants: parseJson<Meeting['participants']>(row.participants),
    quotes: parseJson<Meeting['quotes']>(row.quotes)
  }
}


export interface MeetingFilters {
  sponsor?: string | undefined
  participant?: string | undefined
  /** First day of the `from` parameter. */
  from?: string | undefined
  /** Last day of the `to` parameter. */
  to?: string | undefined
  /** An FTS5 query (see search.query). */
  q?: string | undefined
}

export function createMeetingsRepository (db: Db, search: SearchRepository) {
  const reads = createReads<typeof select, Meeting, MeetingFilters>(db, {
    table: m,
    select,
    sorts: { date: m.dateFirst, id: m.id },
    filters: {
      sponsor: (v) => sql`${q(m.id)} in (select ${q(meetingSponsors.meetingId)} from ${meetingSponsors} where ${q(meetingSponsors.sponsorId)} = ${v})`,
      participant: (v) => sql`exists (select 1 from ${p} where ${q(p.meetingId)} = ${q(m.id)} and instr(lower(${q(p.name)}), lower(${v})) > 0)`,
      // A meeting of reduced precision matches when its period overlaps the range.
      from: (v) => sql`${q(m.dateLast)} >= ${v}`,
      to: (v) => sql`${q(m.dateFirst)} <= ${v}`,
      q: (v) => sql`${q(m.id)} in (select d.ref_id from search_fts join search_docs d on d.rowid = search_fts.rowid where search_fts match ${v} and d.type = 'meeting')`
    },
    toRecord: toMeeting
  })

  return {
    list: (filters: MeetingFilters, page: PageRequest) => reads.list(filters, page),
    get: (id: string) => reads.get(id),

    /** Delete a meeting with its participants, quotes and links. Run inside a transaction. */
    remove (id: string): void {
      db.delete(m).where(eq(m.id, id)).run()
      search.refresh('meeting', id)
    },

    /** Insert or replace a meeting with its sponsors, participants, quotes and sources. Run inside a transaction. */
    upsert (input: MeetingInput): void {
      const { id, date, location, summary } = input
      const fields = { date, summary, city: location.city, country: location.country }
      db.insert(m).values({ id, ...fields }).onConflictDoUpdate({ target: m.id, set: fields }).run()
      replaceLinks(db, meetingSponsors, 'meetingId', 'sponsorId', id, input.sponsors)
      db.delete(p).where(eq(p.meetingId, id)).run()
      if (input.participants.length > 0) {
        db.insert(p).values(input.participants.map((person, position) => ({ meetingId: id, position, ...person }))).run()
      }
      db.delete(mq).where(eq(mq.meetingId, id)).run()
      if (input.quotes.length > 0) {
        db.insert(mq).values(input.quotes.map((quote, position) => ({ meetingId: id, position, ...quote }))).run()
      }
      replaceSources(db, meetingSources, id, input.sources)
      search.refresh('meeting', id)
    }
  }
}

export type MeetingsRepository = ReturnType<typeof createMeetingsRepository>
