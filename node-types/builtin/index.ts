/** The built-in node types, in palette order. */
import type { AnyNodeType } from '../sdk/define-node-type.js'
import { aiAgent } from './ai-agent/ai-agent.js'
import { aiStep } from './ai-step.js'
import { customerConfirmation } from './customer-confirmation.js'
import { end } from './end.js'
import { humanReview } from './human-review.js'
import { join } from './join.js'
import { rule } from './rule.js'
import { set } from './set.js'
import { start } from './start.js'
import { subFlow } from './sub-flow.js'
import { wait } from './wait.js'

export { aiAgent, aiStep, customerConfirmation, end, humanReview, join, rule, set, start, subFlow, wait }

export const builtinNodeTypes: readonly AnyNodeType[] = [start, aiStep, aiAgent, rule, set, humanReview, customerConfirmation, wait, join, subFlow, end]
