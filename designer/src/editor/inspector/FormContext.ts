/** What every field of a generated form needs: where to write, its problems, parameters, variables in scope. */
import { createContext, useContext } from 'react'
import type { Problem } from '../../api/types'
import type { FlowParameter } from '../../../../node-types/flow/schema'
import type { Path } from './json-schema'
import type { ScopeVariable } from './scope'

export interface FormContextValue {
  /** Write `value` at `path` (inside the edited object). */
  onChange(path: Path, value: unknown): void
  /** field key (`rules.0.when`) → problems */
  problems: Map<string, Problem[]> | undefined
  parameters: FlowParameter[]
  /** Variables an expression may use: `input.amount`, `nodes.score`, `params.autoApprove`. */
  scope: ScopeVariable[]
  /** Prefix for element ids, unique per form. */
  idPrefix: string
}

export const FormContext = createContext<FormContextValue | null>(null)

export function useForm(): FormContextValue {
  const ctx = useContext(FormContext)
  if (!ctx) throw new Error('useForm must be used inside a generated form')
  return ctx
}
