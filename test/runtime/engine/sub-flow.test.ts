import { describe, expect, it } from 'vitest'
import { decideTask, fireDueTimers } from '../../../runtime/engine/index.js'
import { createTestEngine, flow } from './harness.js'

const kyc = (outcomeOnApprove = 'passed') =>
  flow(
    'kyc',
    [
      { id: 'start', type: 'start' },
      { id: 'review', type: 'human-review', config: { title: 'KYC for {{ input.name }}' } },
      { id: 'ok', type: 'end', config: { outcome: outcomeOnApprove, output: [{ name: 'checked', value: 'input.name' }] } },
      { id: 'no', type: 'end', config: { outcome: 'refused' } },
    ],
    ['start.next->review', 'review.approve->ok', 'review.reject->no'],
    { input: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
  )

const onboarding = (subConfig: Record<string, unknown> = {}, withError = true) =>
  flow(
    'onboarding',
    [
      { id: 'start', type: 'start' },
      { id: 'kyc', type: 'sub-flow', config: { flow: 'kyc', input: [{ name: 'name', value: 'input.vendor' }], outcomes: ['passed', 'refused'], ...subConfig } },
      { id: 'welcome', type: 'end', config: { outcome: 'onboarded', output: [{ name: 'who', value: 'nodes.kyc.output.checked' }] } },
      { id: 'refused', type: 'end', config: { outcome: 'refused' } },
      ...(withError ? [{ id: 'broken', type: 'end', config: { outcome: 'kyc-broken' } }] : []),
    ],
    ['start.next->kyc', 'kyc.passed->welcome', 'kyc.refused->refused', ...(withError ? ['kyc.error->broken'] : [])],
  )

describe('sub-flow', () => {
  it('starts the child with mapped input and leaves by the port of the outcome the child ended with', async () => {
    const t = createTestEngine()
    await t.publish(kyc())
    await t.publish(onboarding())
    const { runId, state } = await t.engine.startRun({ flowId: 'onboarding', input: { vendor: 'Acme' } })
    expect(state.status).toBe('waiting')
    const [child] = Object.values(state.children!)
    expect(child).toMatchObject({ nodeId: 'kyc', flowId: 'kyc', status: 'running', input: { name: 'Acme' } })
    const childRun = (await t.store.runs.getRun(child.id))!
    expect(childRun.parent).toEqual({ runId, nodeId: 'kyc', exec: child.exec })
    expect(childRun.depth).toBe(1)
    const task = Object.values(childRun.tasks)[0]
    expect(task.title).toBe('KYC for Acme')
    await decideTask(t.engine, task.id, { decision: 'approve', by: 'olga' })
    const parent = (await t.store.runs.getRun(runId))!
    expect(parent).toMatchObject({ status: 'completed', outcome: 'onboarded', output: { who: 'Acme' } })
    expect(parent.children![child.id]).toMatchObject({ status: 'completed', outcome: 'passed' })
    expect(Object.values(parent.timers).every((tm) => tm.status !== 'pending')).toBe(true)
  })

  it('sends a failing child to the parent’s error port', async () => {
    const t = createTestEngine()
    await t.publish(flow('kyc', [{ id: 'start', type: 'start' }, { id: 'check', type: 'rule', config: { rules: [{ when: 'input.name.size() > 100', port: 'long' }] } }, { id: 'end', type: 'end' }], ['start.next->check', 'check.long->end', 'check.default->end']))
    await t.publish(onboarding({ input: [{ name: 'other', value: '1' }] }))
    // The child's input lacks `name`, so its rule fails on `input.name`.
    const { runId } = await t.engine.startRun({ flowId: 'onboarding', input: { vendor: 'Acme' } })
    const parent = (await t.store.runs.getRun(runId))!
    expect(parent).toMatchObject({ status: 'completed', outcome: 'kyc-broken' })
    expect(parent.outputs.kyc).toMatchObject({ status: 'failed', code: expect.any(String) })
    const childId = Object.keys(parent.children!)[0]
    expect((await t.store.runs.getRun(childId))!.status).toBe('failed')
  })

  it('fails the parent when the child fails and no error port is connected', async () => {
    const t = createTestEngine()
    await t.publish(onboarding({}, false))
    // The called flow does not exist: the child cannot start.
    const { runId } = await t.engine.startRun({ flowId: 'onboarding', input: { vendor: 'Acme' } })
    const parent = (await t.store.runs.getRun(runId))!
    expect(parent.status).toBe('failed')
    expect(parent.error?.message).toContain("flow 'kyc' does not exist")
  })

  it('routes an outcome the step has no port for to error', async () => {
    const t = createTestEngine()
    await t.publish(kyc('surprise'))
    await t.publish(onboarding())
    const { runId, state } = await t.engine.startRun({ flowId: 'onboarding', input: { vendor: 'Acme' } })
    const child = (await t.store.runs.getRun(Object.keys(state.children!)[0]))!
    await decideTask(t.engine, Object.keys(child.tasks)[0], { decision: 'approve', by: 'olga' })
    expect((await t.store.runs.getRun(runId))!.outputs.kyc).toMatchObject({ code: 'OUTCOME_UNKNOWN', outcome: 'surprise' })
  })

  it('cancels the child when the parent is cancelled', async () => {
    const t = createTestEngine()
    await t.publish(kyc())
    await t.publish(onboarding())
    const { runId, state } = await t.engine.startRun({ flowId: 'onboarding', input: { vendor: 'Acme' } })
    const childId = Object.keys(state.children!)[0]
    await t.engine.cancelRun(runId, 'vendor withdrew', 'olga')
    const child = (await t.store.runs.getRun(childId))!
    expect(child.status).toBe('cancelled')
    expect(Object.values(child.tasks)[0].status).toBe('closed')
    expect((await t.store.runs.getRun(runId))!.children![childId].status).toBe('cancelled')
  })

  it('pins the version it names, or takes the latest at start', async () => {
    const t = createTestEngine()
    await t.publish(kyc('passed'))
    await t.publish(kyc('v2'))
    await t.publish(onboarding({ version: 1 }))
    const pinned = await t.engine.startRun({ flowId: 'onboarding', input: { vendor: 'A' } })
    expect((await t.store.runs.getRun(Object.keys(pinned.state.children!)[0]))!.flowVersion).toBe(1)
    await t.publish(onboarding())
    const latest = await t.engine.startRun({ flowId: 'onboarding', input: { vendor: 'A' } })
    expect((await t.store.runs.getRun(Object.keys(latest.state.children!)[0]))!.flowVersion).toBe(2)
  })

  it('starts a child the process never started, from the check timer (a crash between the two commits)', async () => {
    const t = createTestEngine()
    await t.publish(kyc())
    await t.publish(onboarding())
    const { runId, state } = await t.engine.startRun({ flowId: 'onboarding', input: { vendor: 'Acme' } })
    const childId = Object.keys(state.children!)[0]
    // Lose the child, as if the process died right after the parent's commit.
    const events = (await t.store.runs.getEvents(runId))!
    const fresh = createTestEngine()
    await fresh.publish(kyc())
    await fresh.publish(onboarding())
    const { deriveState } = await import('../../../runtime/engine/state.js')
    await fresh.store.runs.appendRun(runId, events, deriveState(runId, events))
    expect(await fresh.store.runs.getRun(childId)).toBeUndefined()
    fresh.advanceClock(61_000)
    await fireDueTimers(fresh.engine)
    const child = (await fresh.store.runs.getRun(childId))!
    expect(child).toMatchObject({ status: 'waiting', parent: { runId } })
    await decideTask(fresh.engine, Object.keys(child.tasks)[0], { decision: 'reject', by: 'olga' })
    expect((await fresh.store.runs.getRun(runId))!.outcome).toBe('refused')
  })

  it('stops sub-flows nested deeper than the bound', async () => {
    const t = createTestEngine()
    // a0 → a1 → … → a9: each calls the next; the deepest ends.
    for (let i = 9; i >= 0; i--) {
      const nodes = i === 9 ? [{ id: 'start', type: 'start' }, { id: 'end', type: 'end' }] : [{ id: 'start', type: 'start' }, { id: 'call', type: 'sub-flow', config: { flow: `a${i + 1}` } }, { id: 'end', type: 'end' }]
      await t.publish(flow(`a${i}`, nodes, i === 9 ? ['start.next->end'] : ['start.next->call', 'call.done->end']))
    }
    const { runId } = await t.engine.startRun({ flowId: 'a0', input: {} })
    const top = (await t.store.runs.getRun(runId))!
    expect(top.status).toBe('failed')
    expect(top.error?.message).toContain('nested more than 8 deep')
  })
})
