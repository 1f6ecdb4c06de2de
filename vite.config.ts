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
    // The renderer loads from local disk (app:// or the host on 127.0.0.1), never over the venue
    // network, so Vite's 500 kB warning (meant for web downloads) is noise in every \`npm run demo\`.
    // The limit sits above today's main chunk (~560 kB) so a sudden growth still warns.
    chunkSizeWarningLimit: 1000,
    // Rolldown's advice that plugins took long appears whenever the machine is slow or busy (a
    // laptop's first \`npm run demo\`): it says nothing about the app, so it stays out of the terminal.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
