export { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from './postgres-store.js'
export { DatabaseConfigError, connect, describeTarget } from './connect.js'
export { migrate, loadMigrations } from './migrate.js'
