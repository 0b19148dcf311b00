import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const WAL_FORMAT_VERSION = 3007000;

/**
 * Why the `-wal` file beside a document cannot be its own, or null when it may be.
 *
 * SQLite ties a WAL to its database by file name only: on open it replays every committed frame of
 * the `-wal` beside the file (frames whose salts match the WAL header and whose running checksum
 * holds), whatever database wrote them. A `-wal` left beside a document from another one (a file
 * copied over a document whose WAL stayed, a received pair that does not belong together) would be
 * folded in: the document would silently become part of the other database, or damaged.
 *
 * The rule, from what the two files say about themselves (https://sqlite.org/fileformat2.html#walformat):
 * - a `-wal` too short for a header, with another magic number or format version, or whose header
 *   checksum fails, is one SQLite ignores (it replays nothing from it): accepted;
 * - a valid header whose page size is not the database's is refused: those frames are pages of
 *   another database;
 * - replayed frames that carry page 1 must agree with the document's page 1 on what never changes
 *   in a Throughline document once made (page size, reserved bytes, text encoding, application id),
 *   and their file change counter may not be older than the document's: a WAL is written after the
 *   file's last checkpoint, never before it.
 * What remains (a WAL from another Throughline document with the same page size that never wrote
 * page 1) shows as damage or a foreign schema when the opened state is checked, which happens next.
 */
export function walProblem(databasePath: string): string | null {
  const wal = `${databasePath}-wal`;
  let fd: number;
  try {
    fd = openSync(wal, 'r');
  } catch {
    return null; // no -wal: nothing to fold in
  }
  try {
    const size = fstatSync(fd).size;
    if (size < WAL_HEADER_BYTES) return null;
    const header = read(fd, 0, WAL_HEADER_BYTES);
    const magic = header.readUInt32BE(0);
    if (magic !== 0x377f0682 && magic !== 0x377f0683) return null;
    if (header.readUInt32BE(4) !== WAL_FORMAT_VERSION) return null;
    const bigEndian = (magic & 1) === 1;
    const [h1, h2] = checksum(header.subarray(0, 24), bigEndian, 0, 0);
    if (h1 !== header.readUInt32BE(24) || h2 !== header.readUInt32BE(28)) return null;

    const walPageSize = header.readUInt32BE(8);
    const page1 = readDatabasePage1(databasePath);
    if (!page1) return null; // the database file itself is judged elsewhere
    const dbPageSize = pageSizeOf(page1);
    if (walPageSize !== dbPageSize) {
      return `the "-wal" file beside it belongs to another database (its page size is ${walPageSize}, the document's is ${dbPageSize})`;
    }

    // Walk the frames SQLite would replay: salts equal to the header's, running checksum intact,
    // up to the last commit frame.
    const salt1 = header.readUInt32BE(16);
    const salt2 = header.readUInt32BE(20);
    let [c1, c2] = [h1, h2];
    let lastPage1: Buffer | null = null;
    let pendingPage1: Buffer | null = null;
    const frameSize = FRAME_HEADER_BYTES + walPageSize;
    for (let offset = WAL_HEADER_BYTES; offset + frameSize <= size; offset += frameSize) {
      const frame = read(fd, offset, frameSize);
      if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break;
      [c1, c2] = checksum(frame.subarray(0, 8), bigEndian, c1, c2);
      [c1, c2] = checksum(frame.subarray(FRAME_HEADER_BYTES), bigEndian, c1, c2);
      if (c1 !== frame.readUInt32BE(16) || c2 !== frame.readUInt32BE(20)) break;
      if (frame.readUInt32BE(0) === 1) pendingPage1 = frame.subarray(FRAME_HEADER_BYTES);
      if (frame.readUInt32BE(4) !== 0) {
        // A commit frame: what came before it is replayed.
        if (pendingPage1) lastPage1 = pendingPage1;
        pendingPage1 = null;
      }
    }
    if (!lastPage1) return null;
    for (const [what, start, end] of [
      ['page size', 16, 18],
      ['reserved bytes', 20, 21],
      ['text encoding', 56, 60],
      ['application id', 68, 72],
    ] as const) {
      if (!lastPage1.subarray(start, end).equals(page1.subarray(start, end))) {
        return `the "-wal" file beside it belongs to another database (its ${what} differs)`;
      }
    }
    if (lastPage1.readUInt32BE(24) < page1.readUInt32BE(24)) {
      return 'the "-wal" file beside it is older than the document (it belongs to another copy of it)';
    }
    return null;
  } finally {
    closeSync(fd);
  }
}

function read(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const got = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, got);
}

function readDatabasePage1(path: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const head = read(fd, 0, 100);
    if (head.length < 100) return null;
    return head;
  } finally {
    closeSync(fd);
  }
}

/** The page size a database header says: 1 stands for 65536. */
function pageSizeOf(header: Buffer): number {
  const raw = header.readUInt16BE(16);
  return raw === 1 ? 65536 : raw;
}

/** SQLite's WAL checksum over `data` (a multiple of 8 bytes), continued from (s1, s2). */
function checksum(data: Buffer, bigEndian: boolean, s1: number, s2: number): [number, number] {
  let a = s1;
  let b = s2;
  for (let i = 0; i < data.length; i += 8) {
    const x = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const y = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    a = (a + x + b) >>> 0;
    b = (b + y + a) >>> 0;
  }
  return [a, b];
}
