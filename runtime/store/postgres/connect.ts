/**
 * Connecting to PostgreSQL, and saying in one line what is wrong when it
 * fails: which host and database, and what to do. The store talks through
 * one pool per process (the `postgres` driver); nothing else opens one.
 */
import postgres from 'postgres'

export type Sql = postgres.Sql

/** Where a URL points, for messages (never the password). */
export interface DatabaseTarget {
  host: string
  port: string
  database: string
  user: string
}

/** Start-up failed for a reason the operator fixes (config, server down); the message is the whole story. */
export class DatabaseConfigError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE'
  constructor(message: string) {
    super(message)
    this.name = 'DatabaseConfigError'
  }
}

export function describeTarget(url: string): DatabaseTarget {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new DatabaseConfigError('INLOOP_DATABASE_URL is not a URL: write it as postgres://user:password@host:5432/database')
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseConfigError(`INLOOP_DATABASE_URL starts with "${parsed.protocol}" but must start with postgres://`)
  }
  const socketHost = parsed.searchParams.get('host')
  return {
    host: socketHost ?? (decodeURIComponent(parsed.hostname) || 'localhost'),
    port: parsed.port || '5432',
    database: decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username) || 'postgres',
    user: decodeURIComponent(parsed.username) || 'postgres',
  }
}

export interface ConnectOptions {
  /** Connections in this process's pool (default 10). */
  max?: number
}

/** A pool for `url`; throws DatabaseConfigError (one line) when the database cannot be used. */
export async function connect(url: string, options: ConnectOptions = {}): Promise<Sql> {
  const target = describeTarget(url)
  const sql = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: 5,
    idle_timeout: 60,
    onnotice: () => undefined,
    connection: { application_name: 'inloop' },
  })
  try {
    await sql`select 1`
  } catch (error) {
    await sql.end({ timeout: 0 }).catch(() => undefined)
    throw explainConnectError(error, target)
  }
  return sql
}

/** Turn a driver error at start into what the operator needs to read. */
export function explainConnectError(error: unknown, t: DatabaseTarget): Error {
  const where = `database "${t.database}" on ${t.host}:${t.port}`
  const code = (error as { code?: string }).code
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
    case 'CONNECT_TIMEOUT':
    case 'ENOENT':
      return new DatabaseConfigError(
        `cannot reach PostgreSQL for ${where} (${code}): start the server or fix the host and port in INLOOP_DATABASE_URL`,
      )
    case '28P01':
    case '28000':
      return new DatabaseConfigError(
        `PostgreSQL refused user "${t.user}" for ${where} (wrong password or not allowed): fix the user and password in INLOOP_DATABASE_URL`,
      )
    case '3D000':
      return new DatabaseConfigError(
        `${where} does not exist: create it (createdb -h ${t.host} -p ${t.port} -U ${t.user} ${t.database}) or fix the name in INLOOP_DATABASE_URL`,
      )
    default:
      return new DatabaseConfigError(`cannot use PostgreSQL ${where}: ${oneLine(error)}`)
  }
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n')[0]
}
