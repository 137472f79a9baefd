/**
 * The AI a runtime's flows use, with the learning side added for hosted
 * models: a step's request is redacted (the flow's personal input fields
 * never leave the server) and, when the step asks for it (`fewShot: k`), the
 * k most similar reviewed cases go along with their final answers. Requests
 * to the offline `local` provider pass through unchanged.
 */
import { compileExpression } from '../../../node-types/expr/cel.js'
import { renderPrompt } from '../../../node-types/builtin/ai-step.js'
import type { AiRequest, AiService } from '../../../node-types/sdk/types.js'
import { DEFAULT_AI_PROVIDER } from '../../ai/provider.js'
import type { Engine } from '../../engine/engine.js'
import type { CaseIndex } from '../case-index.js'
import type { CaseRecord } from '../case-record.js'
import { recordedOutputs } from '../replay/replay-run.js'
import { personalFields, redactor } from './personal-fields.js'
import { similarShots } from './reviewed-shots.js'

interface StepConfig {
  text: string
  prompt?: string
}

/** What the step would have sent for a past case: its prompt, else its text. */
function textFor(config: StepConfig, c: CaseRecord): string | undefined {
  const scope = { input: c.input, nodes: recordedOutputs(c), params: c.params }
  const evaluate = (source: string) => compileExpression(source)(scope)
  try {
    if (config.prompt?.trim()) return renderPrompt({ evaluate }, config.prompt)
    const text = evaluate(config.text)
    return typeof text === 'string' ? text : JSON.stringify(text ?? '')
  } catch {
    return undefined
  }
}

/**
 * @example
 * engine.deps.ai = createLearningAi(engine.deps.ai, engine, cases)
 */
export function createLearningAi(inner: AiService, engine: Engine, cases: CaseIndex): AiService {
  async function prepare(request: AiRequest): Promise<AiRequest> {
    const origin = request.origin!
    const compiled = await engine.compiledFor(origin.flowId, origin.flowVersion).catch(() => undefined)
    const personal = compiled ? personalFields(compiled.flow) : []
    const redact = redactor(personal, origin.input)
    const out: AiRequest = { ...request, text: redact(request.text), ...(request.prompt !== undefined ? { prompt: redact(request.prompt) } : {}) }
    const k = typeof request.fewShot === 'number' ? request.fewShot : 0
    const node = compiled?.nodes.get(origin.nodeId)
    if (k > 0 && node) {
      const config = node.config as StepConfig
      const shots = similarShots(await cases.cases(origin.flowId), request.prompt?.trim() ? request.prompt : request.text, k, { nodeId: origin.nodeId, personal, textOf: (c) => textFor(config, c) }, origin.runId)
      out.fewShot = shots
    } else {
      delete out.fewShot
    }
    return out
  }
  return {
    async run(request) {
      if ((request.provider || DEFAULT_AI_PROVIDER) === DEFAULT_AI_PROVIDER || !request.origin) return inner.run(request)
      return inner.run(await prepare(request))
    },
    // Agent turns pass through as they are.
    ...(inner.chat ? { chat: inner.chat.bind(inner) } : {}),
  }
}
