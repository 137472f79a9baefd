/**
 * Vite build of the designer. `npm run build` writes designer/dist, which the
 * runtime's HTTP server serves next to /api. In dev, /api is proxied to a
 * runtime on 127.0.0.1:3000 (override with INLOOP_API).
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))
const repo = fileURLToPath(new URL('..', import.meta.url))

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // bench/designer.bench.ts reads the manifest to size the first page and the editor.
    manifest: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    // Three pages: the designer, and two small plain-DOM pages that load none of it — the customer portal (/c/<token>) and sign-in (/login).
    rollupOptions: {
      input: { main: `${root}index.html`, portal: `${root}portal.html`, login: `${root}login.html` },
    },
  },
  server: {
    fs: { allow: [repo] },
    proxy: { '/api': { target: process.env.INLOOP_API ?? 'http://127.0.0.1:3000', changeOrigin: true } },
  },
})
