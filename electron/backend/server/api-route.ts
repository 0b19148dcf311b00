import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiResponse } from '../../../shared/contract';
import { writeJsonInSlices } from './json-slices';
import { apiMethodOf, isJsonContentType, isSameOriginFetch, MAX_BODY_BYTES } from './request-guards';
import { sendRefusal } from './responses';

/** What the API route needs: the one registry both transports dispatch to. */
export interface Dispatcher {
  dispatch(method: string, payload: unknown): Promise<ApiResponse<unknown>>;
}

type Body = { ok: true; text: string } | { ok: false; status: 413 | 400; message: string };

/**
 * `POST /api/<method>` with a JSON body → `registry.dispatch` → the ApiResponse as JSON, status 200
 * (typed errors included). Transport refusals (wrong verb, not JSON, too large, unreadable JSON)
 * get a 4xx with the same `{ ok: false, error }` shape, and never reach a handler.
 */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  registry: Dispatcher,
  path: string,
): Promise<void> {
  const method = apiMethodOf(path);
  if (method === null) {
    sendRefusal(res, 404, 'unknown-method', 'API calls are POST /api/<method>.');
    return;
  }
  if (req.method !== 'POST') {
    sendRefusal(res, 405, 'invalid-payload', 'API calls must use POST.', { Allow: 'POST' });
    return;
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    sendRefusal(res, 415, 'invalid-payload', 'API calls must send Content-Type: application/json.');
    return;
  }
  if (!isSameOriginFetch(headerValue(req.headers['sec-fetch-site']))) {
    sendRefusal(res, 403, 'forbidden-sender', 'Cross-site API calls are refused.');
    return;
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (!body.ok) {
    if (body.status === 413) {
      // The rest of the upload is not read: answer, then drop the connection.
      res.setHeader('Connection', 'close');
      res.once('finish', () => req.destroy());
    }
    sendRefusal(res, body.status, 'invalid-payload', body.message);
    return;
  }
  let payload: unknown;
  if (body.text.trim() === '') {
    payload = undefined;
  } else {
    try {
      payload = JSON.parse(body.text);
    } catch {
      sendRefusal(res, 400, 'invalid-payload', 'The request body is not valid JSON.');
      return;
    }
  }
  const response = await registry.dispatch(method, payload);
  // A whole map is megabytes of JSON: written and sent in slices, so other requests are answered
  // meanwhile; a small answer goes in one piece, with its Content-Length.
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(await writeJsonInSlices(response, (text) => writeSome(res, text)));
}

/** Writes a piece of a response; resolves once the socket takes more (or is gone). */
function writeSome(res: ServerResponse, text: string): Promise<void> {
  if (res.destroyed || res.write(text)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

const tooLarge = (max: number): Body => ({
  ok: false,
  status: 413,
  message: `The request is larger than ${Math.round(max / 1024 / 1024)} MB.`,
});

/** Reads the request body up to `max` bytes; stops reading as soon as it is known to be larger. */
function readBody(req: IncomingMessage, max: number): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return Promise.resolve(tooLarge(max));
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (body: Body) => {
      if (finished) return;
      finished = true;
      done(body);
    };
    req.on('data', (chunk: Buffer) => {
      if (finished) return;
      size += chunk.length;
      if (size > max) {
        req.pause();
        finish(tooLarge(max));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks, size));
      finish({ ok: true, text });
    });
    req.on('error', () => finish({ ok: false, status: 400, message: 'The request body could not be read.' }));
    req.on('aborted', () => finish({ ok: false, status: 400, message: 'The request was aborted.' }));
  });
}
