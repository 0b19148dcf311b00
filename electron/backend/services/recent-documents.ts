import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RecentDocument } from '../../../shared/contract/api';

const MAX_RECENT = 10;

interface Entry {
  path: string;
  openedAt: string;
}

/**
 * The recently opened documents, newest first, kept in a small JSON file in the app's state folder.
 * A damaged file is treated as an empty list (it is only a convenience, never a user's data).
 */
export class RecentDocuments {
  private readonly file: string;

  constructor(stateDir: string) {
    this.file = join(stateDir, 'recent-documents.json');
  }

  list(): RecentDocument[] {
    return this.read().map((e) => ({
      path: e.path,
      fileName: basename(e.path),
      openedAt: e.openedAt,
      available: existsSync(e.path),
    }));
  }

  has(path: string): boolean {
    return this.read().some((e) => e.path === path);
  }

  remember(path: string, now = new Date()): void {
    const entries = [{ path, openedAt: now.toISOString() }, ...this.read().filter((e) => e.path !== path)];
    this.write(entries.slice(0, MAX_RECENT));
  }

  private read(): Entry[] {
    try {
      const raw: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      if (!Array.isArray(raw)) return [];
      return raw.filter(
        (e): e is Entry =>
          typeof e?.path === 'string' && typeof e?.openedAt === 'string' && e.path.length < 4096,
      );
    } catch {
      return [];
    }
  }

  private write(entries: Entry[]): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, `${JSON.stringify(entries, null, 2)}\n`);
    renameSync(temp, this.file);
  }
}
