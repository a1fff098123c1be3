// Response serializers compiled on a route's first answer instead of at start.
// Fastify compiles a fast-json-stringify function for every response status of every
// route while the app boots: most of the time from spawn to ready. Compiling lazily keeps
// the same serializers (the same factory, the same schemas and options) and moves each
// one's cost to the first response that needs it.
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'

type Factory = ReturnType<typeof SerializerSelector>

export function lazySerializers (): Factory {
  const eager = SerializerSelector()
  return (externalSchemas, options) => {
    const compile = eager(externalSchemas, options)
    return (route) => {
      let serialize: ((doc: unknown) => string) | undefined
      return (doc) => (serialize ??= compile(route))(doc)
    }
  }
}
