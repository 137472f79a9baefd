/**
 * One field of a form generated from JSON Schema: picks the control for the
 * property's kind, shows its title, help, default and inline problems, and
 * lets a scalar be bound to a flow parameter instead of a fixed value.
 */
import { isParamRef } from '../../../../node-types/flow/param-ref'
import { describeDuration } from '../../ui/format'
import { ExpressionField } from './ExpressionField'
import { FieldShell } from './FieldShell'
import { useForm } from './FormContext'
import { isScalar, kindOf, placeholderOf, titleOf, type JsonSchema, type Path } from './json-schema'
import { EnumListField, ObjectListField, StringListField } from './ListFields'
import { ParamSelect, ParamToggle } from './ParamToggle'
import { BooleanControl, EnumControl, JsonControl, NumberControl, TextControl } from './ScalarControls'

interface Props {
  schema: JsonSchema
  name: string
  path: Path
  value: unknown
  required?: boolean
  compact?: boolean
}

export function SchemaField({ schema, name, path, value, required, compact }: Props) {
  const form = useForm()
  const kind = kindOf(schema)
  const key = path.join('.')
  const id = `${form.idPrefix}-${key}`
  const problems = form.problems?.get(key) ?? []
  const set = (v: unknown) => form.onChange(path, v)
  const current = value === undefined ? schema.default : value
  const bound = isParamRef(value)
  const scalar = isScalar(kind)
  const label = titleOf(schema, name)
  const help = compact ? undefined : schema.description
  const aside = scalar && !compact ? <ParamToggle schema={schema} kind={kind} value={value} onChange={set} /> : undefined

  if (kind === 'object-list') return <ObjectListField id={id} schema={schema} label={label} help={help} path={path} value={current} problems={problems} />
  if (kind === 'string-list' || kind === 'enum-list') {
    const Field = kind === 'enum-list' ? EnumListField : StringListField
    return (
      <FieldShell id={id} label={label} help={help} problems={problems}>
        <Field id={id} schema={schema} value={current} onChange={set} />
      </FieldShell>
    )
  }
  if (kind === 'object') {
    return (
      <fieldset className="field-group">
        <legend>{label}</legend>
        {Object.entries(schema.properties ?? {}).map(([k, s]) => (
          <SchemaField key={k} schema={s} name={k} path={[...path, k]} value={(current as Record<string, unknown> | undefined)?.[k]} required={schema.required?.includes(k)} />
        ))}
      </fieldset>
    )
  }
  const invalid = problems.length > 0
  const placeholder = placeholderOf(schema)
  let control: React.ReactNode
  if (bound) control = <ParamSelect id={id} schema={schema} kind={kind} value={value} onChange={set} />
  else if (kind === 'cel' || kind === 'template')
    control = <ExpressionField id={id} value={String(current ?? '')} onChange={(v) => set(v === '' && !required ? undefined : v)} language={kind} scope={form.scope} placeholder={placeholder} invalid={invalid} multiline={kind === 'template' && !compact} />
  else if (kind === 'number' || kind === 'integer') control = <NumberControl id={id} schema={schema} value={current} onChange={set} required={required} invalid={invalid} />
  else if (kind === 'boolean') control = <BooleanControl id={id} value={current === true} onChange={set} label={label} />
  else if (kind === 'enum') control = <EnumControl id={id} schema={schema} value={current} onChange={set} required={required} />
  else if (kind === 'json') control = <JsonControl id={id} value={current} onChange={set} invalid={invalid} />
  else {
    control = <TextControl id={id} value={current} onChange={set} required={required} placeholder={placeholder ?? (kind === 'duration' ? 'e.g. P2D (2 days), PT4H (4 hours)' : undefined)} invalid={invalid} />
  }
  const durationHint = kind === 'duration' && !bound && typeof current === 'string' ? describeDuration(current) : ''
  return (
    <FieldShell id={id} label={kind === 'boolean' ? '' : label} help={durationHint ? `${durationHint}${help ? ` · ${help}` : ''}` : help} required={required && !compact} problems={problems} aside={aside}>
      {control}
    </FieldShell>
  )
}
