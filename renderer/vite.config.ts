import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The config file's folder (not the cwd): `vite build --config renderer/vite.config.ts` from the repo root.
const root = import.meta.dirname;
const serverTarget = `http://127.0.0.1:${process.env.ATENDE_PORT ?? 4317}`;

/**
 * The dev server's React Refresh preamble is an inline script, which the production CSP in
 * index.html forbids; the CSP stays in built files only.
 */
function stripCspInDev(): Plugin {
  return {
    name: 'atende:strip-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  plugins: [react(), stripCspInDev()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The polyfill would be an inline script; Electron's Chromium and current browsers need none.
    modulePreload: { polyfill: false },
    // Libraries in their own long-cached chunks: an app update then re-downloads only our code.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'data', test: /node_modules[\\/](@tanstack|@trpc|zod)[\\/]/ },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/trpc': { target: serverTarget, ws: true, changeOrigin: true },
      '/healthz': { target: serverTarget },
    },
  },
});
