/**
 * A database of its own for each test file, on the server named by
 * INLOOP_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test;
 * `.ci/run` starts a throwaway cluster when none answers there). The name
 * carries the file's name and the process id, so two test runs on one
 * machine never share one.
 */
import postgres from 'postgres'

export const TEST_DATABASE_URL = process.env.INLOOP_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'

/** Everything the store writes; `inloop_schema` stays, so a reset database needs no migration. */
const TABLES = ['run_events', 'runs', 'tasks', 'requests', 'timers', 'deliveries', 'outbox', 'flows', 'flow_versions', 'flow_data', 'users', 'sessions', 'api_keys', 'credentials', 'settings']

const made: string[] = []

/** The URL of a new, empty database named after `label` (e.g. the test file). */
export async function createTestDatabase(label: string): Promise<string> {
  const name = `inloop_${label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 40)}_${process.pid}`
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => undefined })
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.unsafe(`create database "${name}"`)
  } finally {
    await admin.end({ timeout: 1 })
  }
  made.push(name)
  return withDatabase(TEST_DATABASE_URL, name)
}

/** Drop the databases this file made (call from afterAll). */
export async function dropTestDatabases(): Promise<void> {
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => undefined })
  try {
    for (const name of made.splice(0)) await admin.unsafe(`drop database if exists "${name}" with (force)`)
  } finally {
    await admin.end({ timeout: 1 })
  }
}

/** Empty every table of a migrated database. */
export async function resetDatabase(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined })
  try {
    // DELETE, not TRUNCATE: on tables this small it is many times faster.
    await sql.unsafe(TABLES.map((t) => `delete from ${t};`).join(' '))
  } finally {
    await sql.end({ timeout: 1 })
  }
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
