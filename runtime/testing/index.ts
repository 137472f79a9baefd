/**
 * `inloop/testing`: the test kits for node type authors — `runNode` and
 * `resumeNode` for one node type, `runFlow` for a whole flow.
 *
 * @example
 * import { runFlow, runNode } from 'inloop/testing'
 */
export { resumeNode, runNode } from '../../node-types/testing/index.js'
export type { NodeTestOptions, NodeTestRun } from '../../node-types/testing/index.js'
export { runFlow } from './run-flow.js'
export type { FlowTestRun, RunFlowOptions, TestAnswer, TestClock, TestDecision } from './run-flow.js'
