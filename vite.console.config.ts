// Builds the organiser console (console/ → dist/console), which the registry serves at `/`
// (registry/console/static.ts). Absolute base: the console's client-side routes are in the
// address fragment, so every page is index.html at `/`.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./console', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/console', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    // Everything stays a file: the CSP allows no inline scripts or styles.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // One bundle of ~0.5 MB (React, i18next, zod, the QR encoder): read once per browser, cached after.
    chunkSizeWarningLimit: 800,
  },
});
