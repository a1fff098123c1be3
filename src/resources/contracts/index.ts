// The contracts resource, declared once: see ../resource.ts for what each field drives.
import { endsBeforeItStarts } from '../../lib/partial-date.js'
import { defineResource } from '../resource.js'
import { contractCategories, contractEmbeds, contractGames, contractSources, contractSponsors, contracts } from './tables.js'
import { createContractsRepository } from './repository.js'
import collection from './routes.js'
import { references } from './schemas.js'

export default defineResource({
  singular: 'contract',
  plural: 'contracts',
  description: 'The terms of each TOP agreement.',
  order: 3,
  tables: [contracts, contractSponsors, contractCategories, contractGames, contractSources, contractEmbeds],
  repository: (db, { search }) => createContractsRepository(db, search),
  collection,
  references,
  check: (input) => endsBeforeItStarts(input) ? { field: 'endsOn', message: 'ends before it starts' } : undefined,
  search: {
    alias: 'c',
    sql: `select c.id,
      coalesce((select group_concat(s.name, ', ' order by cs.position) from contract_sponsors cs join sponsors s on s.id = cs.sponsor_id where cs.contract_id = c.id), '')
        || ': ' || coalesce((select group_concat(k.name, ', ' order by cc.position) from contract_categories cc join categories k on k.id = cc.category_id where cc.contract_id = c.id), ''),
      concat_ws(' ', c.notes, c.territory)
    from contracts c`
  }
})
