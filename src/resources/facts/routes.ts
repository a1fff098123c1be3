import { collection, type Collection } from '../../routes/collection.js'
import { Fact, FACT_EXAMPLE_ID, FactCreate, FactInput, FactList, FactListQuery, FactPatch, references } from './schemas.js'
import { meetingFilters } from '../meetings/routes.js'

const routes: Collection = collection({
  example: FACT_EXAMPLE_ID,
  schemas: { read: Fact, list: FactList, query: FactListQuery, input: FactInput, create: FactCreate, patch: FactPatch },
  list: {
    description: 'Dated facts about sponsors other than their contracts and meetings (an extension, a renewal, a first), oldest first by default. A fact dated only to a month or year matches `from`/`to` when its period overlaps the range.',
    rows: (repos, { sponsor, from, to, q }, page) => {
      // Same from/to rules as meetings; q is a plain substring here, not a full-text query.
      const range = meetingFilters({ from, to }, repos.search)
      return repos.facts.list({ sponsor, from: range.from, to: range.to, q }, page)
    }
  },
  get: { description: 'One dated fact by id: its sponsor, date, summary and sources.' },
  store: (repos) => repos.facts,
  writes: () => ({
    toInput: ({ sponsor, sources, ...fields }) => ({ ...fields, sponsor: sponsor.id, sources: sources.map((s) => s.id) }),
    baseId: (body) => `${body.sponsor} ${body.date} ${body.summary.split(/\s+/).slice(0, 6).join(' ')}`,
    idFrom: 'sponsor, the date and the first words of the summary',
    references
  })
})

export default routes
