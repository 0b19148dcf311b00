import type * as Y from 'yjs';
import { readCheckins } from './checkin-doc';
import type { DocTouch } from './doc-check';
import { linksOf, nodesOf, readLink, readNode } from './map-doc';

/**
 * The room's session log: who changed what, one entry per change the room accepted, for the
 * facilitator to read. Kept in memory by the room server, the newest MAX_LOG_ENTRIES per map.
 */
export const MAX_LOG_ENTRIES = 500;
/** Items listed per entry; a paste of many nodes says how many more. */
export const MAX_LOG_ITEMS = 20;
const MAX_TITLE = 80;

export type LogAction = 'added' | 'renamed' | 'moved' | 'edited' | 'deleted';

export interface LogItem {
  kind: 'node' | 'link' | 'checkin';
  action: LogAction;
  /**
   * The node's title (its former title when renamed is in `from`); a link's "source → target"; a
   * check-in's metric title, its date and value.
   */
  title: string;
  from?: string;
}

export interface LogEntry {
  /** ISO time the room accepted the change. */
  at: string;
  /** The participant's name at that time, or null when it had given none. */
  who: string | null;
  clientId: number | null;
  items: LogItem[];
  /** Items beyond MAX_LOG_ITEMS, not listed. */
  more: number;
}

const cut = (title: string) => (title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title);

function nodeTitle(doc: Y.Doc, id: string): string | null {
  const node = readNode(id, nodesOf(doc).get(id));
  return node ? node.title : null;
}

/**
 * What a change did, read from the document before and after it (the touched ids only): nodes
 * added, renamed, moved, otherwise edited or deleted, links added or deleted.
 */
export function summariseChange(before: Y.Doc, after: Y.Doc, touch: DocTouch): LogItem[] {
  const items: LogItem[] = [];
  for (const id of touch.nodes) {
    const was = readNode(id, nodesOf(before).get(id));
    const now = readNode(id, nodesOf(after).get(id));
    if (!was && now) items.push({ kind: 'node', action: 'added', title: cut(now.title) });
    else if (was && !now) items.push({ kind: 'node', action: 'deleted', title: cut(was.title) });
    else if (was && now) {
      if (was.title !== now.title)
        items.push({ kind: 'node', action: 'renamed', title: cut(now.title), from: cut(was.title) });
      else if (was.position.x !== now.position.x || was.position.y !== now.position.y)
        items.push({ kind: 'node', action: 'moved', title: cut(now.title) });
      else if (JSON.stringify(was) !== JSON.stringify(now))
        items.push({ kind: 'node', action: 'edited', title: cut(now.title) });
    }
  }
  for (const id of touch.links) {
    const was = readLink(id, linksOf(before).get(id));
    const now = readLink(id, linksOf(after).get(id));
    const link = now ?? was;
    if (!link || (was && now)) continue;
    const ends = (doc: Y.Doc) =>
      `${nodeTitle(doc, link.source) ?? '?'} → ${nodeTitle(doc, link.target) ?? '?'}`;
    items.push({
      kind: 'link',
      action: now ? 'added' : 'deleted',
      title: cut(now ? ends(after) : ends(before)),
    });
  }
  if (touch.checkins.size > 0) items.push(...checkinItems(before, after, touch.checkins));
  return items;
}

/** Check-ins added, corrected or deleted, each named by its metric, day and value. */
function checkinItems(before: Y.Doc, after: Y.Doc, ids: ReadonlySet<string>): LogItem[] {
  const touched = (doc: Y.Doc) =>
    new Map(
      readCheckins(doc)
        .filter((c) => ids.has(c.id))
        .map((c) => [c.id, c]),
    );
  const was = touched(before);
  const now = touched(after);
  const items: LogItem[] = [];
  for (const id of ids) {
    const a = was.get(id);
    const b = now.get(id);
    const checkin = b ?? a;
    if (!checkin || (a && b && JSON.stringify(a) === JSON.stringify(b))) continue;
    const metric = nodeTitle(b ? after : before, checkin.metric) ?? '?';
    items.push({
      kind: 'checkin',
      action: !a ? 'added' : !b ? 'deleted' : 'edited',
      title: `${cut(metric)} · ${checkin.date} · ${checkin.value}`,
    });
  }
  return items;
}

/** A log bounded to its newest MAX_LOG_ENTRIES entries. */
export function appendLog(log: LogEntry[], entry: LogEntry): void {
  log.push(entry);
  if (log.length > MAX_LOG_ENTRIES) log.splice(0, log.length - MAX_LOG_ENTRIES);
}

/** One entry from a change's items, the long ones cut to MAX_LOG_ITEMS. */
export function logEntry(at: Date, who: string | null, clientId: number | null, items: LogItem[]): LogEntry {
  return {
    at: at.toISOString(),
    who,
    clientId,
    items: items.slice(0, MAX_LOG_ITEMS),
    more: Math.max(0, items.length - MAX_LOG_ITEMS),
  };
}
