import type { MapLink, MapNode } from '../model/types';

type LinkLike = Pick<MapLink, 'source' | 'target'>;

/** FNV-1a over UTF-16 code units: cheap for short ids, and ids are short. */
function hashId(id: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Node id → position in the node list: an open-addressing hash table on one typed array. It is
 * built once per validation and, unlike a Map of 100k entries, costs the garbage collector nothing.
 * When ids repeat, the first node with the id wins.
 *
 * Each slot is one int: the position + 1 in its low bits (as few as the map needs) and the high
 * bits of the id's hash above them, so a probe rejects almost every other id without touching its
 * string, and the table is half the size of (hash, position) pairs: at 100k nodes that halves the
 * time to build it, which is spent waiting on memory. A tag match is always confirmed by comparing
 * the ids themselves, so the index is exact.
 */
export class NodeIndex {
  private readonly ids: string[];
  private readonly table: Int32Array;
  private readonly mask: number;
  /** Low bits of a slot that hold the position + 1; the rest is the tag. */
  private readonly positionMask: number;

  constructor(nodes: readonly Pick<MapNode, 'id'>[]) {
    const n = nodes.length;
    let size = 16;
    while (size < n * 2) size *= 2;
    const mask = size - 1;
    let positionBits = 1;
    while (2 ** positionBits <= n + 1) positionBits++;
    const positionMask = 2 ** positionBits - 1;
    const tagMask = ~positionMask;
    const table = new Int32Array(size);
    const ids = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const id = (nodes[i] as Pick<MapNode, 'id'>).id;
      ids[i] = id;
      const h = hashId(id);
      const tag = h & tagMask;
      let p = h & mask;
      for (;;) {
        const slot = table[p] as number;
        if (slot === 0) {
          table[p] = tag | (i + 1);
          break;
        }
        if ((slot & tagMask) === tag && ids[(slot & positionMask) - 1] === id) break;
        p = (p + 1) & mask;
      }
    }
    this.table = table;
    this.ids = ids;
    this.mask = mask;
    this.positionMask = positionMask;
  }

  /** The position of the (first) node with this id, or -1 when there is none. */
  indexOf(id: string): number {
    const { table, ids, mask, positionMask } = this;
    const h = hashId(id);
    const tag = h & ~positionMask;
    let p = h & mask;
    for (;;) {
      const slot = table[p] as number;
      if (slot === 0) return -1;
      if ((slot & ~positionMask) === tag) {
        const at = (slot & positionMask) - 1;
        if (ids[at] === id) return at;
      }
      p = (p + 1) & mask;
    }
  }

  has(id: string): boolean {
    return this.indexOf(id) !== -1;
  }

  /** The position of the first node whose tag matches this hash, or -1: ids not compared yet. */
  private candidate(h: number, tagMask: number): number {
    const { table, mask, positionMask } = this;
    const tag = h & tagMask;
    let p = h & mask;
    for (;;) {
      const slot = table[p] as number;
      if (slot === 0) return -1;
      if ((slot & tagMask) === tag) return (slot & positionMask) - 1;
      p = (p + 1) & mask;
    }
  }

  /**
   * indexOf for both ends of every link, written to `sources` and `targets`. Same result as
   * calling indexOf per end, but in three tight passes (hash every end; probe for the first slot
   * with the same tag; confirm by comparing ids, falling back to indexOf on the rare tag clash)
   * whose memory reads do not wait on each other, which on large maps is markedly faster.
   */
  indexLinks(links: readonly LinkLike[], sources: Int32Array, targets: Int32Array): void {
    const { ids, positionMask } = this;
    const tagMask = ~positionMask;
    const m = links.length;
    for (let i = 0; i < m; i++) {
      const link = links[i] as LinkLike;
      sources[i] = hashId(link.source);
      targets[i] = hashId(link.target);
    }
    for (let i = 0; i < m; i++) {
      sources[i] = this.candidate(sources[i] as number, tagMask);
      targets[i] = this.candidate(targets[i] as number, tagMask);
    }
    for (let i = 0; i < m; i++) {
      const link = links[i] as LinkLike;
      const s = sources[i] as number;
      if (s === -1 || ids[s] !== link.source) sources[i] = this.indexOf(link.source);
      const t = targets[i] as number;
      if (t === -1 || ids[t] !== link.target) targets[i] = this.indexOf(link.target);
    }
  }
}
