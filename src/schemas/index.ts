import { sharedSchemas } from './common.js'
import { Category, CategoryCreate, CategoryInput, CategoryList, CategoryPatch, Holder, HolderList } from './categories.js'
import { Change, ChangeList } from './changes.js'
import { Contract, ContractCreate, ContractInput, ContractList, ContractPatch } from './contracts.js'
import { Fact, FactCreate, FactInput, FactList, FactPatch } from './facts.js'
import { Game, GameInput, GameList } from './games.js'
import { Location, Meeting, MeetingCreate, MeetingInput, MeetingList, MeetingPatch, Participant, Quote } from './meetings.js'
import { Programme, ProgrammeInput, ProgrammeList } from './programmes.js'
import { Source, SourceCreate, SourceInput, SourceList, SourcePatch } from './sources.js'
import { SearchHit, SearchResults } from './search.js'
import { FormerName, Sponsor, SponsorCreate, SponsorInput, SponsorList, SponsorPatch } from './sponsors.js'
import { Timeline, TimelineEvent } from './timeline.js'
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
