import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import { contentTypeFor, resolveStaticPath } from './request-guards';
import { sendRefusal } from './responses';

/**
 * Serves the built renderer's files, and nothing else: no directory listings, nothing outside
 * `rendererDir` (symbolic links included), no hidden files. A path with no extension that is not
 * a file is a client-side route and gets index.html.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  rendererDir: string,
  rawPath: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendRefusal(res, 405, 'invalid-payload', 'Only GET and HEAD reach the app files.', {
      Allow: 'GET, HEAD',
    });
    return;
  }
  const resolved = resolveStaticPath(rendererDir, rawPath);
  if (!resolved.ok) {
    sendRefusal(
      res,
      resolved.status,
      resolved.status === 403 ? 'forbidden-sender' : 'invalid-payload',
      `Refused: ${resolved.reason}.`,
    );
    return;
  }
  const root = await realpath(rendererDir);
  const index = join(root, 'index.html');

  let file = resolved.file;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (resolved.relative !== '/') {
      sendRefusal(res, 404, 'not-found', 'There is no such file.');
      return;
    }
    file = index;
  } else if (!info?.isFile()) {
    if (resolved.hasExtension) {
      sendRefusal(res, 404, 'not-found', 'There is no such file.');
      return;
    }
    file = index;
  }

  const real = await realpath(file).catch(() => null);
  if (real === null || !real.startsWith(root + sep)) {
    sendRefusal(res, 404, 'not-found', 'There is no such file.');
    return;
  }
  const size = (await stat(real)).size;
  res.statusCode = 200;
  res.setHeader('Content-Type', contentTypeFor(real));
  res.setHeader('Content-Length', size);
  res.setHeader('Cache-Control', cacheControlFor(real, root, index));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(real);
    stream.on('error', () => {
      res.destroy();
      done();
    });
    stream.on('end', () => done());
    stream.pipe(res);
  });
}

/**
 * index.html is never cached (it names the current build's files). The build's assets carry a
 * hash of their content in their names (assets/print-Bt53q8ao.js), so a browser may keep them for
 * good: a reload, a second window and every PDF after the first skip fetching and compiling them.
 * Anything else is revalidated.
 */
function cacheControlFor(file: string, root: string, index: string): string {
  if (file === index) return 'no-store';
  const relative = file
    .slice(root.length + 1)
    .split(sep)
    .join('/');
  return /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(relative)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}
