/** The owner view's parameter values in words: units, decimals from the step, durations as amount and unit. */
import { describe, expect, it } from 'vitest'
import type { ParameterDefinition } from '../../designer/src/api/learning-types'
import { changedValues, decimalsOf, formatValue, joinDuration, splitDuration } from '../../designer/src/owner/param-values'

const def = (over: Partial<ParameterDefinition>): ParameterDefinition => ({ name: 'p', label: 'P', type: 'number', default: 0, value: 0, ...over })

describe('parameter values in words', () => {
  it('shows a number with the decimals its step allows and its unit', () => {
    expect(formatValue(def({ step: 0.01 }), 0.8)).toBe('0.80')
    expect(formatValue(def({ step: 1000, unit: 'EUR' }), 50000)).toBe('50,000 EUR')
    expect(formatValue(def({ step: 1, unit: '%' }), 5)).toBe('5%')
  })

  it('shows durations and yes/no in words', () => {
    expect(formatValue(def({ type: 'duration' }), 'P2D')).toBe('2 days')
    expect(formatValue(def({ type: 'boolean' }), true)).toBe('Yes')
  })

  it('reads decimals from a step', () => {
    expect(decimalsOf(0.01)).toBe(2)
    expect(decimalsOf(0.5)).toBe(1)
    expect(decimalsOf(1000)).toBe(0)
    expect(decimalsOf(undefined)).toBe(0)
  })

  it('splits a duration into its largest whole unit and joins it back', () => {
    expect(splitDuration('P2D')).toEqual({ amount: 2, unit: 'days' })
    expect(splitDuration('PT48H')).toEqual({ amount: 2, unit: 'days' })
    expect(splitDuration('PT4H30M')).toEqual({ amount: 270, unit: 'minutes' })
    expect(splitDuration('P1W')).toEqual({ amount: 1, unit: 'weeks' })
    expect(splitDuration('P1M')).toBeUndefined()
    expect(joinDuration(3, 'hours')).toBe('PT3H')
    expect(joinDuration(1, 'days')).toBe('P1D')
  })

  it('lists only the values that differ from the ones in force', () => {
    expect(changedValues({ a: 1, b: 'P2D', c: true }, { a: 1, b: 'P1D', c: true })).toEqual({ b: 'P2D' })
  })
})
