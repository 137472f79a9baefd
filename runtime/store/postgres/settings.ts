/** Settings every process on one database shares, in the `settings` table. */
import { randomBytes } from 'node:crypto'
import type { Sql } from './connect.js'

/**
 * The customer-link secret: made by whichever process asks first, then the
 * same for all, so a link made on one process opens on any other.
 */
export async function sharedLinkSecret(sql: Sql): Promise<Buffer> {
  const fresh = randomBytes(32).toString('hex')
  await sql`insert into settings (name, value) values ('link-secret', ${fresh}) on conflict (name) do nothing`
  const [row] = await sql<{ value: string }[]>`select value from settings where name = 'link-secret'`
  return Buffer.from(row.value, 'hex')
}
