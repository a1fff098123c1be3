import { collection, type Collection } from '../../routes/collection.js'
import { Source, SourceCreate, SourceInput, SourceList, SourceListQuery, SourcePatch, references } from './schemas.js'

const routes: Collection = collection({
  example: 'insidethegames-2017-01-19-alibaba-top-sponsor',
  schemas: { read: Source, list: SourceList, query: SourceListQuery, input: SourceInput, create: SourceCreate, patch: SourcePatch },
  list: {
    description: 'Every source cited by a record, sorted by title by default.',
    rows: (repos, _, page) => repos.sources.list(page)
  },
  get: { description: 'One source by id: its title, publisher, URL and publication date.' },
  store: (repos) => repos.sources,
  writes: (repos) => ({
    toInput: (source) => source,
    baseId: (body) => `${body.publisher ?? 'source'} ${body.publishedOn ?? ''} ${body.title}`.slice(0, 80),
    idFrom: 'publisher, date and title',
    references,
    duplicateOf: (input) => repos.integrity.sourceWithUrl(input),
    naturalKey: 'URL'
  })
})

export default routes
