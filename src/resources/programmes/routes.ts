import { collection, type Collection } from '../../routes/collection.js'
import { Programme, ProgrammeInput, ProgrammeList, ProgrammeListQuery } from './schemas.js'

const routes: Collection = collection({
  example: 'top-viii',
  schemas: { read: Programme, list: ProgrammeList, query: ProgrammeListQuery, input: ProgrammeInput },
  list: {
    description: 'TOP I (1985–1988) to TOP VIII (2013–2016), then the quadrennials named by their years, oldest first by default. Each lists its partners (sponsors with a contract overlapping the period) and the Games held in it; `partnerCount` and `revenue` are the figures the IOC published, or null.',
    rows: (repos, _, page) => repos.programmes.list(page)
  },
  get: { description: 'One programme edition by id (e.g. `top-viii`, `top-2021-2024`), with its partners, Games, published partner count and revenue, and sources. Answers an ETag; send it back in If-None-Match for a 304.' },
  store: (repos) => repos.programmes
})

export default routes
