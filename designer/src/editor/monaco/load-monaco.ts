/**
 * Loads the Monaco chunk on demand, once. The editor chunk holds only this
 * file; everything that imports Monaco sits behind `import('./monaco-kit')`.
 */
export type MonacoKit = typeof import('./monaco-kit')

let loaded: MonacoKit | null = null
let loading: Promise<MonacoKit> | null = null

export function loadMonaco(): Promise<MonacoKit> {
  loading ??= import('./monaco-kit').then((kit) => (loaded = kit))
  // A failed load (offline, a redeploy) may be retried later.
  loading.catch(() => (loading = null))
  return loading
}

/** The kit if it has loaded already, without waiting. */
export function monacoIfLoaded(): MonacoKit | null {
  return loaded
}
