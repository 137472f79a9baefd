/** Loads the built-in node-type definitions (zod, CEL) as their own chunk and registers them. */
import { registerBuiltins } from './node-info'

let loading: Promise<void> | null = null

export function loadBuiltins(): Promise<void> {
  loading ??= import('../../../../node-types/builtin/index').then((m) => registerBuiltins(m.builtinNodeTypes))
  return loading
}
