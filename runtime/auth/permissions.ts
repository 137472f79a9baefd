/**
 * Which role each API route needs, in one table read top to bottom (first
 * match wins). Finer checks — a reviewer only works tasks of its groups, a
 * designer decides only test-run tasks — are made where the task is known
 * (`runtime/http/routes/task-access.ts`). A route missing here needs admin:
 * a new route is closed until it is listed.
 */
import type { Role } from './roles.js'

export type Access = 'public' | 'signed-in' | readonly Role[]

type Rule = readonly [methods: string, path: RegExp, access: Access]

const READ = 'GET HEAD'
const ANY = '*'

const RULES: readonly Rule[] = [
  [READ, /^\/health$/, 'public'],
  [ANY, /^\/customer\/[^/]+$/, 'public'],
  ['POST', /^\/auth\/login$/, 'public'],
  [ANY, /^\/auth\//, 'signed-in'],
  [READ, /^\/(node-types|node-types\/[^/]+|schema\/flow|groups|openapi\.json|docs)$/, 'signed-in'],
  ['POST', /^\/flows\/validate$/, 'signed-in'],
  [READ, /^\/flows$/, 'signed-in'],
  // Reviewers: only their groups' tasks, checked per task.
  [ANY, /^\/tasks(\/|$)/, 'signed-in'],
  // Business owners: parameters, what-if, metrics, datasets; trying a version on past runs.
  [ANY, /^\/(flows\/[^/]+\/)?(parameters|what-if|simulate|simulation|metrics|datasets?|retrain|cases|replay|learning)(\/|$)/, ['owner', 'designer']],
  [READ, /^\/flows\/[^/]+(\/.*)?$/, ['designer', 'owner']],
  [ANY, /^\/flows(\/|$)/, ['designer']],
  [READ, /^\/runs(\/|$)/, ['designer', 'owner']],
  ['POST', /^\/runs\/[^/]+\/(cancel|retry)$/, ['designer']],
  [READ, /^\/(outbox|stream)$/, ['designer', 'owner']],
  [ANY, /^\/(users|keys)(\/|$)/, ['admin']],
  // Names and kinds only, to pick one in a step; creating, replacing and deleting stay with admins.
  [READ, /^\/credentials$/, ['designer']],
]

/**
 * @example
 * accessFor('POST', '/flows/loan/publish') // ['designer']
 * accessFor('GET', '/health')              // 'public'
 */
export function accessFor(method: string, path: string): Access {
  for (const [methods, pattern, access] of RULES) {
    if ((methods === ANY || methods.split(' ').includes(method)) && pattern.test(path)) return access
  }
  return ['admin']
}
