// The sponsors resource, declared once: see ../resource.ts for what each field drives.
import { defineResource } from '../resource.js'
import { sponsorEmbeds, sponsorNames, sponsorSources, sponsors } from './tables.js'
import { createSponsorsRepository } from './repository.js'
import collection from './routes.js'
import { FormerName, references } from './schemas.js'
import { TimelineEvent, Timeline } from './timeline-schemas.js'

export default defineResource({
  singular: 'sponsor',
  plural: 'sponsors',
  description: 'Companies in the TOP programme, their contracts, meetings and timeline.',
  order: 1,
  tables: [sponsors, sponsorNames, sponsorSources, sponsorEmbeds],
  repository: (db, { search }) => createSponsorsRepository(db, search),
  collection,
  schemas: [FormerName, TimelineEvent, Timeline],
  references,
  search: {
    alias: 's',
    sql: `select s.id, s.name, concat_ws(' ', s.industry, s.headquarters, s.description,
      (select group_concat(n.name, ' ' order by n.position) from sponsor_names n where n.sponsor_id = s.id))
    from sponsors s`
  }
})
