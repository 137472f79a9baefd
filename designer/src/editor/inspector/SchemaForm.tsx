/** A form generated from an object's JSON Schema: one field per property, in schema order. */
import type { Problem } from '../../api/types'
import type { FlowParameter } from '../../../../node-types/flow/schema'
import { FormContext, type FormContextValue } from './FormContext'
import type { JsonSchema, Path } from './json-schema'
import { SchemaField } from './SchemaField'
import type { ScopeVariable } from './scope'

interface Props {
  schema: JsonSchema
  value: Record<string, unknown>
  onChange(path: Path, value: unknown): void
  problems: Map<string, Problem[]> | undefined
  parameters: FlowParameter[]
  scope: ScopeVariable[]
  idPrefix: string
}

export function SchemaForm({ schema, value, onChange, problems, parameters, scope, idPrefix }: Props) {
  const ctx: FormContextValue = { onChange, problems, parameters, scope, idPrefix }
  const properties = Object.entries(schema.properties ?? {})
  return (
    <FormContext.Provider value={ctx}>
      <div className="schema-form">
        {properties.length === 0 && <p className="muted small">This step has nothing to configure.</p>}
        {properties.map(([key, prop]) => (
          <SchemaField key={key} schema={prop} name={key} path={[key]} value={value[key]} required={schema.required?.includes(key) && prop.default === undefined} />
        ))}
      </div>
    </FormContext.Provider>
  )
}
