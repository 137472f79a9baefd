/** Editing the flow's input schema as rows without losing keywords. */
import { describe, expect, it } from 'vitest'
import { inputFields, withInputField } from '../../designer/src/editor/settings/input-schema'
import { setIn } from '../../designer/src/editor/inspector/json-schema'

describe('input schema rows', () => {
  const schema = { type: 'object', required: ['amount'], properties: { name: { type: 'string', minLength: 1 }, amount: { type: 'number', exclusiveMinimum: 0 } } }

  it('reads fields with their type and whether they are required', () => {
    expect(inputFields(schema)).toEqual([
      { name: 'name', type: 'string', required: false, description: '' },
      { name: 'amount', type: 'number', required: true, description: '' },
    ])
  })

  it('keeps keywords the rows do not show when another part of a field changes', () => {
    const next = withInputField(schema, 0, { name: 'name', type: 'string', required: true, description: '' })
    expect(next.properties!.name).toEqual({ type: 'string', minLength: 1 })
    expect(next.required).toEqual(['name', 'amount'])
  })

  it('renames a field in place and drops it from required when removed', () => {
    const renamed = withInputField(schema, 1, { name: 'sum', type: 'number', required: true, description: '' })
    expect(Object.keys(renamed.properties!)).toEqual(['name', 'sum'])
    expect(withInputField(renamed, 1, null).required).toBeUndefined()
  })
})

describe('setIn', () => {
  it('removes an object key when set to undefined, copying only the path', () => {
    const config = { a: { b: 1, c: 2 }, d: [1] }
    const next = setIn(config, ['a', 'b'], undefined) as typeof config
    expect(next).toEqual({ a: { c: 2 }, d: [1] })
    expect(next.d).toBe(config.d)
  })
})
