import { sharedSchemas } from './common.js'
import { Category, CategoryCreate, CategoryInput, CategoryList, CategoryPatch, Holder, HolderList } from '../resources/categories/schemas.js'
import { Change, ChangeList } from './changes.js'
import { Contract, ContractCreate, ContractInput, ContractList, ContractPatch } from '../resources/contracts/schemas.js'
import { Fact, FactCreate, FactInput, FactList, FactPatch } from '../resources/facts/schemas.js'
import { Game, GameInput, GameList } from '../resources/games/schemas.js'
import { Location, Meeting, MeetingCreate, MeetingInput, MeetingList, MeetingPatch, Participant, Quote } from '../resources/meetings/schemas.js'
import { Programme, ProgrammeInput, ProgrammeList } from '../resources/programmes/schemas.js'
import { Source, SourceCreate, SourceInput, SourceList, SourcePatch } from '../resources/sources/schemas.js'
import { SearchHit, SearchResults } from './search.js'
import { FormerName, Sponsor, SponsorCreate, SponsorInput, SponsorList, SponsorPatch } from '../resources/sponsors/schemas.js'
import { Timeline, TimelineEvent } from '../resources/sponsors/timeline-schemas.js'
import { ApiIndex } from './meta.js'

/** Schemas with an `$id` that routes use: registered once, named in the OpenAPI document. */
export const apiSchemas = [
  ...sharedSchemas,
  Source, SourceList,
  Game, GameList,
  Programme, ProgrammeList,
  Category, CategoryList, Holder, HolderList,
  FormerName, Sponsor, SponsorList,
  Contract, ContractList,
  Participant, Quote, Location, Meeting, MeetingList,
  Fact, FactList,
  SearchHit, SearchResults,
  TimelineEvent, Timeline,
  SponsorCreate, SponsorPatch, CategoryCreate, CategoryPatch, ContractCreate, ContractPatch,
  MeetingCreate, MeetingPatch, SourceCreate, SourcePatch, FactCreate, FactPatch,
  Change, ChangeList,
  ApiIndex
]

/** Record shapes of the seed files (and of write bodies). */
export const inputSchemas = [SourceInput, GameInput, CategoryInput, SponsorInput, ContractInput, MeetingInput, FactInput, ProgrammeInput]

export const allSchemas = [...apiSchemas, ...inputSchemas]
