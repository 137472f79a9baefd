/** Signing in, users, API keys and reviewer groups. */
import { z } from 'zod'
import { isoTime } from './common.js'
import { defineRoute } from './route.js'

export const ROLES = ['admin', 'designer', 'owner', 'reviewer'] as const
export type Role = (typeof ROLES)[number]
/** Groups and usernames: lowercase letters, digits and `. _ @ -`, starting with a letter or digit. */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,99}$/
export const MIN_PASSWORD = 10

const name = z.string().regex(NAME_PATTERN, 'lowercase letters, digits and . _ @ -, starting with a letter or digit')
const roles = z.array(z.enum(ROLES)).max(4)
const groups = z.array(name).max(50)

export const publicUserSchema = z.object({
  username: z.string(),
  name: z.string(),
  email: z.string().optional(),
  roles: z.array(z.enum(ROLES)),
  groups: z.array(z.string()),
  disabled: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
})
export type PublicUser = z.infer<typeof publicUserSchema>

/** Who is signed in, as `GET /api/auth/me` and sign-in answer. */
export const signedInUserSchema = publicUserSchema.partial().extend({ username: z.string(), roles: z.array(z.string()) })
export type SignedInUser = z.infer<typeof signedInUserSchema>

export const apiKeySchema = z.object({ id: z.string(), name: z.string(), roles: z.array(z.enum(ROLES)), groups: z.array(z.string()), createdAt: isoTime, createdBy: z.string() })
export const groupSchema = z.object({ name: z.string(), members: z.array(z.object({ username: z.string(), name: z.string() })) })
export type Group = z.infer<typeof groupSchema>

export const loginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(500) })
export const passwordBody = z.object({ current: z.string().min(1).max(500), next: z.string().min(MIN_PASSWORD).max(500) })
export const newUserBody = z.object({
  username: name,
  name: z.string().max(200).optional(),
  email: z.email().max(320).optional(),
  roles: roles.min(1),
  groups: groups.optional(),
  password: z.string().min(MIN_PASSWORD).max(500).optional(),
})
export const userPatchBody = z
  .object({
    name: z.string().max(200).optional(),
    email: z.email().max(320).nullable().optional(),
    roles: roles.min(1).optional(),
    groups: groups.optional(),
    disabled: z.boolean().optional(),
    password: z.string().min(MIN_PASSWORD).max(500).optional(),
  })
  .optional()
export const newKeyBody = z.object({ name, roles: roles.min(1), groups: groups.optional() })

const username = z.object({ username: z.string() })

export const authRoutes = {
  login: defineRoute({
    method: 'post',
    path: '/auth/login',
    tag: 'Sign-in',
    summary: 'Sign in: sets the session cookie',
    body: loginBody,
    bodyExample: { username: 'ada', password: 'correct horse battery' },
    responses: { 200: { description: 'Signed in', schema: z.object({ user: publicUserSchema, expiresAt: isoTime }) } },
    errors: [429],
  }),
  logout: defineRoute({ method: 'post', path: '/auth/logout', tag: 'Sign-in', summary: 'Sign out: ends the session', responses: { 204: { description: 'Signed out' } } }),
  me: defineRoute({
    method: 'get',
    path: '/auth/me',
    tag: 'Sign-in',
    summary: 'Who is calling',
    responses: { 200: { description: 'The caller, and whether by session or API key', schema: z.object({ user: signedInUserSchema, via: z.enum(['session', 'api-key']) }) } },
  }),
  password: defineRoute({
    method: 'post',
    path: '/auth/password',
    tag: 'Sign-in',
    summary: 'Change your password (ends your other sessions)',
    body: passwordBody,
    responses: { 204: { description: 'Changed; a fresh session cookie is set' } },
  }),
}

export const userRoutes = {
  list: defineRoute({ method: 'get', path: '/users', tag: 'Users and keys', summary: 'Every user', responses: { 200: { description: 'Users (never a password hash)', schema: z.array(publicUserSchema) } } }),
  create: defineRoute({
    method: 'post',
    path: '/users',
    tag: 'Users and keys',
    summary: 'Add a user (a generated password is returned once)',
    body: newUserBody,
    bodyExample: { username: 'grace', name: 'Grace Hopper', roles: ['reviewer'], groups: ['credit-officer'] },
    responses: { 201: { description: 'Created', schema: z.object({ user: publicUserSchema, password: z.string().optional() }) } },
    errors: [409, 422],
  }),
  update: defineRoute({
    method: 'patch',
    path: '/users/:username',
    tag: 'Users and keys',
    summary: 'Change a user',
    params: username,
    body: userPatchBody,
    responses: { 200: { description: 'The user now', schema: publicUserSchema } },
    errors: [404, 422],
  }),
  remove: defineRoute({ method: 'delete', path: '/users/:username', tag: 'Users and keys', summary: 'Remove a user', params: username, responses: { 204: { description: 'Removed' } }, errors: [404, 409] }),
  groups: defineRoute({
    method: 'get',
    path: '/groups',
    tag: 'Tasks',
    summary: 'Reviewer groups and who is in them (to hand a task on)',
    responses: { 200: { description: 'Groups with their active reviewers', schema: z.array(groupSchema) } },
  }),
  keys: defineRoute({ method: 'get', path: '/keys', tag: 'Users and keys', summary: 'Every API key (never the key itself)', responses: { 200: { description: 'Keys', schema: z.array(apiKeySchema) } } }),
  createKey: defineRoute({
    method: 'post',
    path: '/keys',
    tag: 'Users and keys',
    summary: 'Create an API key: the key is in this answer only',
    body: newKeyBody,
    bodyExample: { name: 'crm', roles: ['designer'] },
    responses: { 201: { description: 'Created', schema: z.object({ key: z.string(), apiKey: apiKeySchema }) } },
    errors: [409],
  }),
  removeKey: defineRoute({ method: 'delete', path: '/keys/:id', tag: 'Users and keys', summary: 'Revoke an API key', params: z.object({ id: z.string() }), responses: { 204: { description: 'Revoked' } }, errors: [404] }),
}
