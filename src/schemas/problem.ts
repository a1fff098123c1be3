// The RFC 9457 problem document. Its `code` enum is the whole catalogue, the resources'
// own codes included (src/resources/catalogue.ts), so no resource module imports this one:
// routes name it by $ref (problemResponse).
import { Type } from 'typebox'
import { CATALOGUE } from '../resources/catalogue.js'
import { Id, PROBLEM_TEXT_MAX, Ref, StringEnum, ValidationIssue } from './common.js'

export const Problem = Type.Object({
  type: Type.String({ maxLength: 100, pattern: '^/problems/[a-z0-9-]+$', description: 'A URI reference naming the kind of problem; the README lists them.' }),
  title: Type.String({ minLength: 1, maxLength: 100 }),
  status: Type.Integer({ format: 'int32', minimum: 400, maximum: 599 }),
  detail: Type.String({ minLength: 1, maxLength: PROBLEM_TEXT_MAX }),
  instance: Type.Optional(Type.String({ maxLength: PROBLEM_TEXT_MAX, description: 'The request path that failed.' })),
  code: StringEnum(CATALOGUE.map((entry) => entry.code), { description: 'A stable machine-readable error code; the README lists what each means.' }),
  requestId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$', description: 'The X-Request-Id of the request.' })),
  errors: Type.Optional(Type.Array(Ref(ValidationIssue), { maxItems: 50, description: 'For a 400: every mistake (up to 50), field by field.' })),
  existing: Type.Optional(Type.Object({
    id: Ref(Id),
    href: Type.String({ maxLength: 200, pattern: '^/v1/', description: 'Its URL.' })
  }, { additionalProperties: false, description: 'For a 409 DUPLICATE_RECORD or CATEGORY_HELD: the existing record this one would repeat.' }))
}, {
  $id: 'Problem',
  additionalProperties: false,
  description: 'An RFC 9457 problem document.',
  examples: [{
    type: '/problems/not-found',
    title: 'Not Found',
    status: 404,
    detail: 'No sponsor with id "acme".',
    instance: '/v1/sponsors/acme',
    code: 'SPONSOR_NOT_FOUND',
    requestId: 'req-1'
  }]
})
