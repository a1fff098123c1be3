// The API index GET / answers.
import { Type } from 'typebox'

export const ROOT_LINKS = {
  docs: '/docs',
  openapi: '/openapi.json',
  explore: '/explore',
  sponsors: '/v1/sponsors',
  categories: '/v1/categories',
  contracts: '/v1/contracts',
  meetings: '/v1/meetings',
  games: '/v1/games',
  programmes: '/v1/programmes',
  sources: '/v1/sources',
  facts: '/v1/facts',
  search: '/v1/search?q={query}',
  changes: '/v1/changes'
} as const

const Link = (description: string) => Type.String({ minLength: 1, maxLength: 100, description })

export const ApiIndex = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, description: 'The API\'s name, the document\'s `info.title`.' }),
  version: Type.String({ minLength: 1, maxLength: 50, description: 'The running version, the document\'s `info.version`.' }),
  links: Type.Object({
    docs: Link('Swagger UI: the reference, with "Try it out".'),
    openapi: Link('The OpenAPI 3.1 document.'),
    explore: Link('The record on one timeline, as an HTML page.'),
    sponsors: Link('The list of sponsors.'),
    categories: Link('The list of product categories.'),
    contracts: Link('The list of contracts.'),
    meetings: Link('The list of meetings.'),
    games: Link('The list of Games editions.'),
    programmes: Link('The list of TOP programme editions.'),
    sources: Link('The list of sources.'),
    facts: Link('The list of other dated facts.'),
    search: Link('Full-text search, an RFC 6570 template: replace `{query}` with the words.'),
    changes: Link('The audit trail of writes (needs an API key).')
  }, { additionalProperties: false, description: 'Paths relative to this server\'s origin.' })
}, {
  $id: 'ApiIndex',
  additionalProperties: false,
  description: 'Where things are: the documentation and every resource list.',
  examples: [{ name: 'Olympic sponsor data API', version: '0.1.0', links: ROOT_LINKS }]
})

