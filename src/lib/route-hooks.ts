// Route-level hooks that plugins add from their onRoute hooks, in one declared order.
// Fastify runs a route's own hooks in array order, after the app-wide ones; a plugin
// that pushed or unshifted its hook would make that order the order in which app.ts
// happens to register the plugins. addRouteHook puts each hook at its place in
// ROUTE_HOOK_ORDER instead, whoever registers first.
import type { RouteOptions } from 'fastify'

/**
 * The order of each phase's hooks. `route` stands for the hooks a route declares itself
 * (and any a library adds without a name here), which keep their own order.
 */
export const ROUTE_HOOK_ORDER = {
  onRequest: [
    // A replica refuses writes first: it has no say over keys.
    'read-only',
    // Keys before the rate limit (plugins/auth.ts).
    'auth',
    // The rate limit (plugins/rate-limit.ts).
    'rate-limit',
    'route',
    // Last: a cached response answers only what passed all of the above (plugins/caching.ts).
    'cache'
  ],
  preValidation: [
    // Integer query parameters are checked while they are still the client's text (plugins/strict-query.ts).
    'strict-query',
    'route'
  ]
} as const

export type RouteHookPhase = keyof typeof ROUTE_HOOK_ORDER
export type RouteHookName<P extends RouteHookPhase> = Exclude<typeof ROUTE_HOOK_ORDER[P][number], 'route'>
type Hook<P extends RouteHookPhase> = Extract<NonNullable<RouteOptions[P]>, (...args: never[]) => unknown>

const names = new WeakMap<object, string>()

/** A route's hooks in one phase as a new array (Fastify takes one hook or a list). */
function hooksOf<P extends RouteHookPhase> (route: RouteOptions, phase: P): Array<Hook<P>> {
  const existing: unknown = route[phase]
  const list: unknown[] = Array.isArray(existing) ? existing : [existing]
  return list.filter((hook): hook is Hook<P> => typeof hook === 'function')
}

/** Adds `hook` to the route's `phase` hooks at the place ROUTE_HOOK_ORDER gives `name`. */
export function addRouteHook<P extends RouteHookPhase> (route: RouteOptions, phase: P, name: RouteHookName<P>, hook: Hook<P>): void {
  names.set(hook, name)
  const order: readonly string[] = ROUTE_HOOK_ORDER[phase]
  const rank = (other: object) => order.indexOf(names.get(other) ?? 'route')
  const hooks = hooksOf(route, phase)
  const at = hooks.findIndex((other) => rank(other) > rank(hook))
  hooks.splice(at === -1 ? hooks.length : at, 0, hook)
  route[phase] = hooks
}

/** The names of a route's hooks in one phase, in the order they run (`route` for unnamed ones). */
export function routeHookNames (route: RouteOptions, phase: RouteHookPhase): string[] {
  return hooksOf(route, phase).map((hook) => names.get(hook) ?? 'route')
}
