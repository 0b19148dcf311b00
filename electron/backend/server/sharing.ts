import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import type { ShareInfo } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import { authorityOf, type Listener } from './admission';
import type { SharingControl } from './session-dispatch';
import { SessionStore } from './session-store';
import { newShareKeys, type ShareKeys } from './share-keys';
import type { SavedShare, ShareMemory } from './share-memory';

/** A certificate and its private key (PEM), for https and wss. */
export interface TlsFiles {
  cert: string | Buffer;
  key: string | Buffer;
}

export interface SharingOptions {
  /** Answers a request that arrived on a listener (the plan server's one routine). */
  onRequest(listener: Listener, req: IncomingMessage, res: ServerResponse): void;
  onUpgrade(listener: Listener, req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** A share ended: the room connections its keys opened are closed. */
  onStopped(share: ShareKeys): void;
  /** With a certificate the shared address is https (and the rooms wss). */
  tls?: TlsFiles;
  /** The machine's network interfaces (tests give their own). */
  interfaces?: typeof networkInterfaces;
  /** Where the share is kept while it lasts, so a restarted server resumes it (share-memory.ts). */
  memory?: ShareMemory;
}

/** The parameter of a shared address that carries a key: `/?join=<key>`. */
export const JOIN_PARAM = 'join';

/**
 * The first non-internal IPv4 address of this machine (what other laptops on the LAN reach it
 * at), or null when it has none.
 */
export function lanAddress(
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(),
): string | null {
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) return entry.address;
    }
  }
  return null;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

interface Share {
  keys: ShareKeys;
  listener: Listener;
  server: Server;
  info: ShareInfo;
}

/**
 * The rooms shared on the LAN: one listener on the chosen address with a pair of fresh keys, one
 * share at a time. Stopping closes the listener, ends every session made from the keys and every
 * room connection they opened; a new share makes new keys.
 */
export class Sharing implements SharingControl {
  private current: Share | null = null;
  /** A start or stop under way: the next one waits for it. */
  private busy: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SharingOptions) {}

  /** The current share's keys, or null. */
  get keys(): ShareKeys | null {
    return this.current?.keys ?? null;
  }

  status(): ShareInfo | null {
    return this.current?.info ?? null;
  }

  start(args: { host?: string | undefined; port?: number | undefined }): Promise<ShareInfo> {
    const next = this.busy.then(() => this.open(args, null));
    this.busy = next.catch(() => {});
    return next;
  }

  /**
   * Shares the room again as it was before the server stopped (its keys, address and the
   * participants' sessions), when one is kept and fits `args`; null otherwise (start a new one).
   */
  resume(args: { host?: string | undefined; port?: number | undefined } = {}): Promise<ShareInfo | null> {
    const next = this.busy.then(async () => {
      const saved = this.options.memory?.load() ?? null;
      if (!saved || (args.host && args.host !== saved.host) || (args.port && args.port !== saved.port))
        return null;
      try {
        return await this.open({ host: saved.host, port: saved.port }, saved);
      } catch {
        return null;
      }
    });
    this.busy = next.catch(() => {});
    return next;
  }

  stop(): Promise<boolean> {
    const next = this.busy.then(() => this.end());
    this.busy = next.catch(() => {});
    return next;
  }

  private async open(
    {
      host,
      port,
    }: {
      host?: string | undefined;
      port?: number | undefined;
    },
    saved: SavedShare | null,
  ): Promise<ShareInfo> {
    if (this.current) throw ApiError.worded('conflict', 'sharing-active', {});
    const address = host ?? lanAddress((this.options.interfaces ?? networkInterfaces)());
    if (address === null) throw ApiError.worded('unsupported', 'sharing-no-address', {});
    if (WILDCARDS.has(address)) {
      throw ApiError.worded('invalid-payload', 'sharing-listen-failed', {
        address,
        detail: 'choose one address of this computer, not every address at once',
      });
    }
    const keys = saved?.keys ?? newShareKeys();
    const scheme = this.options.tls ? 'https' : 'http';
    // The listener is filled in once the port is known; no request arrives before listen() returns.
    const holder: { listener: Listener | null } = { listener: null };
    const onRequest = (req: IncomingMessage, res: ServerResponse) => {
      if (holder.listener) this.options.onRequest(holder.listener, req, res);
      else res.destroy();
    };
    const server = this.options.tls
      ? createHttpsServer({ cert: this.options.tls.cert, key: this.options.tls.key }, onRequest)
      : createHttpServer(onRequest);
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (holder.listener) this.options.onUpgrade(holder.listener, req, socket, head);
      else socket.destroy();
    });
    server.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port ?? 0, address.replace(/^\[|\]$/g, ''), () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      server.close();
      const detail =
        (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
          ? `port ${port} is in use`
          : (error as Error).message;
      throw ApiError.worded('conflict', 'sharing-listen-failed', { address, detail });
    }
    const actualPort = (server.address() as AddressInfo).port;
    const authority = authorityOf(address, actualPort);
    const listener: Listener = {
      authorities: [authority],
      scheme,
      port: actualPort,
      sessions: new SessionStore(saved?.sessions ?? [], () => this.remember()),
      share: keys,
    };
    holder.listener = listener;
    const origin = `${scheme}://${authority}`;
    const info: ShareInfo = {
      host: address,
      port: actualPort,
      secure: scheme === 'https',
      editUrl: `${origin}/?${JOIN_PARAM}=${keys.edit}`,
      viewUrl: `${origin}/?${JOIN_PARAM}=${keys.view}`,
    };
    this.current = { keys, listener, server, info };
    this.remember();
    return info;
  }

  /** Keeps the current share on disk (or forgets it when there is none). */
  private remember(): void {
    const share = this.current;
    try {
      this.options.memory?.save(
        share
          ? {
              keys: share.keys,
              host: share.info.host,
              port: share.info.port,
              sessions: share.listener.sessions.entries(),
              savedAt: Date.now(),
            }
          : null,
      );
    } catch {
      // Not kept: a restarted server makes a new share instead. Sharing itself goes on.
    }
  }

  private async end(): Promise<boolean> {
    const share = this.current;
    if (!share) return false;
    this.current = null;
    this.remember();
    // The keys stop working first: nothing admitted from here on, then every session and socket ends.
    share.listener.sessions.endShare(share.keys.id);
    this.options.onStopped(share.keys);
    // Room sockets finish their closing handshake; one that does not answer is not waited for.
    await new Promise<void>((resolve) => {
      const enough = setTimeout(resolve, 2000);
      enough.unref();
      share.server.close(() => {
        clearTimeout(enough);
        resolve();
      });
      share.server.closeAllConnections();
    });
    return true;
  }
}
