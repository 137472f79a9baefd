/**
 * Decision tables: columns name the fields, each row holds one test per
 * column (or none: any value) and the port it leads to. Each row is stored as
 * CEL like any condition. First hit: the first matching row decides.
 * Collect: every matching row is listed in the output, the first one's port is taken.
 */
import { z } from 'zod'
import { expression } from '../../sdk/fields.js'
import { fieldPath, operandProblem, operandSchema, operandToCel } from './condition-form.js'

const portName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a port name is lowercase letters, digits and dashes, e.g. auto-approve')

export const tableSchema = z
  .object({
    hitPolicy: z.enum(['first', 'collect']).default('first').meta({ title: 'Hit policy', description: 'first: the first matching row decides · collect: list every matching row' }),
    columns: z.array(z.object({ field: fieldPath, label: z.string().max(100).optional() })).min(1).max(20),
    rows: z
      .array(
        z.object({
          cells: z.array(operandSchema.nullable()).max(20).meta({ description: 'One per column; null matches any value' }),
          port: portName.meta({ title: 'Then go to' }),
          label: z.string().max(200).optional(),
          when: expression('When (compiled from the cells)').optional(),
        }),
      )
      .max(200)
      .default([]),
  })
  .meta({ title: 'Decision table' })
export type DecisionTable = z.infer<typeof tableSchema>

/**
 * @example
 * rowToCel([{ field: 'input.amount' }], [{ operator: '>=', value: 50000 }]) // '"amount" in input && input.amount >= 50000'
 */
export function rowToCel(columns: DecisionTable['columns'], cells: DecisionTable['rows'][number]['cells']): string {
  const parts = cells.flatMap((cell, i) => (cell ? [operandToCel(columns[i].field, cell)] : []))
  if (parts.length === 0) return 'true'
  return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' && ')
}

/** Problems of a table beyond its shape: cell counts, operands, stored CEL out of date. */
export function tableProblems(table: DecisionTable): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = []
  table.rows.forEach((row, r) => {
    if (row.cells.length !== table.columns.length) {
      problems.push({ path: ['table', 'rows', r, 'cells'], message: `row ${r + 1} has ${row.cells.length} cells for ${table.columns.length} columns` })
      return
    }
    row.cells.forEach((cell, c) => {
      const problem = cell && operandProblem(cell)
      if (problem) problems.push({ path: ['table', 'rows', r, 'cells', c], message: problem })
    })
    if (row.port === 'default') problems.push({ path: ['table', 'rows', r, 'port'], message: '“default” is taken by the fallback port' })
    if (row.when !== undefined && row.when !== rowToCel(table.columns, row.cells)) {
      problems.push({ path: ['table', 'rows', r, 'when'], message: `the stored CEL does not match the row's cells; it should be: ${rowToCel(table.columns, row.cells)}` })
    }
  })
  return problems
}
