/** The test kit for node type authors: `runNode` and `resumeNode`. */
export { resumeNode, runNode } from './run-node.js'
export type { NodeTestOptions, NodeTestRun } from './run-node.js'
