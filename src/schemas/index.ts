import { sharedSchemas } from './common.js'
import { Category, CategoryCreate, CategoryInput, CategoryList, CategoryPatch, Holder, HolderList } from './categories.js'
import { Change, ChangeList } from './changes.js'
import { Contract, ContractCreate, ContractInput, ContractList, ContractPatch } from './contracts.js'
import { Game, GameInput, GameList } from './games.js'
import { Fact, Location, Meeting, MeetingCreate, MeetingInput, MeetingList, MeetingPatch, Participant, Quote } from './meetings.js'
import { Programme, ProgrammeInput, ProgrammeList } from './programmes.js'
import { Source, SourceCreate, SourceInput, SourceList, SourcePatch } from './sources.js'
import { SearchHit, SearchResults } from './search.js'
import { FormerName, Sponsor, SponsorCreate, SponsorInput, SponsorList, SponsorPatch } from './sponsors.js'
import { Timeline, TimelineEvent } from './timeline.js'

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
  SearchHit, SearchResults,
  TimelineEvent, Timeline,
  SponsorCreate, SponsorPatch, CategoryCreate, CategoryPatch, ContractCreate, ContractPatch,
  MeetingCreate, MeetingPatch, SourceCreate, SourcePatch,
  Change, ChangeList
]

/** Record shapes of the seed files (and of write bodies). */
export const inputSchemas = [SourceInput, GameInput, CategoryInput, SponsorInput, ContractInput, MeetingInput, Fact, ProgrammeInput]

export const allSchemas = [...apiSchemas, ...inputSchemas]
