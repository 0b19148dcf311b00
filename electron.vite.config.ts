import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { cspMetaContent } from './shared/contract/csp';

/** Writes the app's Content-Security-Policy into every built page (see cspMetaContent). */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'throughline-csp-meta',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: cspMetaContent() },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// Main and preload are the thin Electron layer; the renderer is the same bundle in the desktop app
// and in the browser mode (served by the loopback server from out/renderer).
export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    // A sandboxed preload can only require Electron's renderer modules: one CommonJS file, no chunks.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      // Minified: less than half the bytes for the app window and for every print view a PDF loads.
      minify: true,
      // The print view is a page of its own, loaded by the PDF printers (renderer/print.html).
      rollupOptions: {
        input: { index: resolve('renderer/index.html'), print: resolve('renderer/print.html') },
      },
    },
  },
});
