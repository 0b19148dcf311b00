import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/**
 * Builds the bare React Flow page (index.html, main.tsx beside this file) into `outDir` and serves
 * it on 127.0.0.1; the benchmark's baseline only, never part of the app's bundle.
 */
export async function serveBareFlow(outDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const root = new URL('.', import.meta.url).pathname;
  await build({
    root,
    base: './',
    logLevel: 'silent',
    configFile: false,
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname));
    const file = join(outDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(outDir)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response
        .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
