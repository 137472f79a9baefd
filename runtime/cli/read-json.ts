/** Read a JSON file or inline JSON (`@file` or text), with errors that name the file. */
import { readFile } from 'node:fs/promises'

export async function readJsonFile(path: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`)
  }
}

export async function readJsonArgument(value: string): Promise<unknown> {
  if (value.startsWith('@')) return readJsonFile(value.slice(1))
  try {
    return JSON.parse(value)
  } catch (error) {
    throw new Error(`--input is not valid JSON: ${(error as Error).message}`)
  }
}
