// Builds the renderer (renderer/ → dist/renderer). base './' so the same build loads
// from the headless host (http://127.0.0.1) and from Electron's custom protocol.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    // Everything stays a file: the CSP allows no inline scripts or styles.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
