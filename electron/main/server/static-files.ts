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
  res.setHeader('Cache-Control', real === index ? 'no-store' : 'no-cache');
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
