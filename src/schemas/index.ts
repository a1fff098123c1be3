import { resources } from '../resources/all.js'
import { sharedSchemas } from './common.js'
import { Change, ChangeList } from './changes.js'
import { SearchHit, SearchResults } from './search-results.js'
import { ApiIndex } from './meta.js'
import { Problem } from './problem.js'
import { Withdrawn } from './withdrawn.js'

/** Schemas with an `$id` that routes use: registered once, named in the OpenAPI document. */
export const apiSchemas = [
  ...sharedSchemas,
  Problem,
  Withdrawn,
  ...resources.flatMap((resource) => [...resource.schemas ?? [], ...resource.collection.schemas]),
  SearchHit, SearchResults,
  Change, ChangeList,
  ApiIndex
]

/** Record shapes of the seed files (and of write bodies). */
export const inputSchemas = resources.map((resource) => resource.collection.input)

export const allSchemas = [...apiSchemas, ...inputSchemas]
