// The meetings resource, declared once: see ../resource.ts for what each field drives.
import { defineResource } from '../resource.js'
import { meetingParticipants, meetingQuotes, meetingSources, meetingSponsors, meetings } from './tables.js'
import { createMeetingsRepository } from './repository.js'
import collection from './routes.js'
import { Participant, Quote, Location, references } from './schemas.js'

export default defineResource({
  singular: 'meeting',
  plural: 'meetings',
  description: 'Documented meetings between the IOC and sponsors, with quotes.',
  order: 4,
  tables: [meetings, meetingSponsors, meetingParticipants, meetingQuotes, meetingSources],
  repository: (db, { search }) => createMeetingsRepository(db, search),
  collection,
  schemas: [Participant, Quote, Location],
  references,
  search: {
    alias: 'm',
    sql: `select m.id,
      coalesce((select group_concat(p.name, ', ' order by p.position) from meeting_participants p where p.meeting_id = m.id), '') || coalesce(' in ' || m.city, ''),
      concat_ws(' ', m.summary,
        (select group_concat(p.name || coalesce(', ' || p.role, '') || coalesce(', ' || p.organisation, ''), '; ' order by p.position) from meeting_participants p where p.meeting_id = m.id),
        (select group_concat(q.speaker || ': ' || q.text, ' ' order by q.position) from meeting_quotes q where q.meeting_id = m.id))
    from meetings m`
  }
})
