/** The lowdb store's public face. */
export { openLowdbStore, type LowdbStore, type LowdbStoreOptions } from './lowdb-store.js'
