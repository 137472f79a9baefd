/** Loading many files through reader threads hands over every file exactly once, and stops at the first problem. */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readFiles } from '../../../../runtime/store/lowdb/file-reader.js'
import { removeTempDirs, tempDir } from '../fixtures/temp-dir.js'

afterAll(removeTempDirs)

async function folderOf(count: number): Promise<string[]> {
  const dir = await tempDir()
  const paths = Array.from({ length: count }, (_, i) => join(dir, `f${i}.json`))
  await Promise.all(paths.map((path, i) => writeFile(path, String(i))))
  return paths
}

describe('file reader', () => {
  it('hands over the text of every file once, with its path, through several threads', async () => {
    const paths = await folderOf(1_500)
    const seen = new Map<string, string>()
    await readFiles(paths, (batch) => batch.forEach(({ path, text }) => seen.set(path, text)), { workers: 3, batchSize: 50 })
    expect(seen.size).toBe(1_500)
    expect(paths.every((path, i) => seen.get(path) === String(i))).toBe(true)
  })

  it('reads a handful of files without starting threads', async () => {
    const paths = await folderOf(3)
    const texts: string[] = []
    await readFiles(paths, (batch) => texts.push(...batch.map((f) => f.text)))
    expect(texts).toEqual(['0', '1', '2'])
  })

  it('rejects with the path of a file it cannot read', async () => {
    const paths = await folderOf(600)
    paths[450] = `${paths[450]}.missing`
    await expect(readFiles(paths, () => undefined, { workers: 2, batchSize: 50 })).rejects.toThrow(/f450\.json\.missing/)
  })

  it('rejects with the error thrown while handling a batch', async () => {
    const paths = await folderOf(600)
    const handle = (): void => {
      throw new Error('corrupt run')
    }
    await expect(readFiles(paths, handle, { workers: 2, batchSize: 50 })).rejects.toThrow('corrupt run')
  })
})
