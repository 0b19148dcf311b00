import type { ServerResponse } from 'node:http';
import type { ApiErrorCode, ApiResponse } from '../../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../../shared/contract/csp';

/** Headers every response of the loopback server carries, refusals included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** Sends a JSON body (an ApiResponse) with the given status; never cached. */
export function sendJson(res: ServerResponse, status: number, body: ApiResponse<unknown>): void {
  sendJsonText(res, status, JSON.stringify(body));
}

/** Sends JSON text already written (stringifyInSlices); never cached. */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.setHeader('Cache-Control', 'no-store');
  res.end(text);
}

/** A transport refusal: a 4xx/5xx status with an ApiResponse-shaped body, so clients read one shape. */
export function sendRefusal(
  res: ServerResponse,
  status: number,
  code: ApiErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  sendJson(res, status, { ok: false, error: { code, message } });
}
