import express from 'express'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineRoute } from '../../../node-types/api/route.js'
import { errorHandler } from '../../../runtime/http/errors.js'
import { mount } from '../../../runtime/http/route.js'
import { createLogger } from '../../../runtime/log.js'

const echo = defineRoute({
  method: 'post',
  path: '/things/:n',
  tag: 'Test',
  summary: 'Echo',
  params: z.object({ n: z.coerce.number().int() }),
  query: z.object({ twice: z.enum(['yes', 'no']).default('no') }),
  body: z.object({ name: z.string() }),
  responses: { 200: { description: 'Echoed', schema: z.object({ n: z.number(), name: z.string() }) } },
})

describe('mount', () => {
  let url = ''
  let close = () => {}
  beforeAll(async () => {
    const app = express()
    app.use(express.json())
    const router = express.Router()
    mount(router, echo, ({ params, body, query }) => ({ n: params.n * (query.twice === 'yes' ? 2 : 1), name: body.name }))
    // A handler that breaks its declaration (only possible past the type checker, e.g. through `as never`).
    mount(router, { ...echo, path: '/broken/:n' }, () => ({ n: 'not a number' }) as never)
    app.use(router)
    app.use(errorHandler(createLogger('silent')))
    const server = app.listen(0, '127.0.0.1')
    await new Promise((done) => server.once('listening', done))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () => server.close()
  })
  afterAll(() => close())

  const post = (path: string, body: unknown) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

  it('parses the path, query and body with the declared schemas', async () => {
    const res = await post('/things/21?twice=yes', { name: 'a' })
    expect(await res.json()).toEqual({ n: 42, name: 'a' })
  })

  it('names the part of the request that is wrong', async () => {
    const bad = await post('/things/x', { name: 'a' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.problems[0].path).toBe('path.n')
    const badBody = await post('/things/1', { name: 3 })
    expect((await badBody.json()).error.problems[0].path).toBe('body.name')
  })

  it('refuses to send an answer its declaration does not allow while responses are checked', async () => {
    expect(process.env.INLOOP_CHECK_RESPONSES).toBe('1')
    const res = await post('/broken/1', { name: 'a' })
    expect(res.status).toBe(500)
  })
})
