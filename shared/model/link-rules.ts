import type { NodeKind } from './kinds';
import type { MapLink, MapNode } from './types';

/**
 * What a link means, named from its two ends: goal → goal decomposes into, goal → mechanism executed
 * by, mechanism → mechanism enables, mechanism → metric measured by, goal → metric outcome metric;
 * nothing points back up (README, "The JSON interchange format").
 */
export type LinkMeaning = 'decomposes-into' | 'executed-by' | 'enables' | 'measured-by' | 'outcome-metric';

const MEANING: Readonly<Record<NodeKind, Partial<Record<NodeKind, LinkMeaning>>>> = {
  goal: { goal: 'decomposes-into', mechanism: 'executed-by', metric: 'outcome-metric' },
  mechanism: { mechanism: 'enables', metric: 'measured-by' },
  metric: {},
};

/** Why a link is refused. Each reason has a message in both languages (link-messages.ts). */
export type LinkRefusal =
  | 'missing-node'
  | 'self-link'
  | 'into-goal'
  | 'out-of-metric'
  | 'duplicate'
  | 'cycle'
  /** The map is open read-only because another window is editing it. */
  | 'read-only';

export type LinkCheck = { ok: true; meaning: LinkMeaning } | { ok: false; reason: LinkRefusal };

/**
 * Whether a link between two kinds is allowed at all, ignoring the rest of the map.
 * Links run from strategy towards measurement; nothing points back up.
 */
export function checkKinds(source: NodeKind, target: NodeKind): LinkCheck {
  const meaning = MEANING[source][target];
  if (meaning) return { ok: true, meaning };
  if (source === 'metric') return { ok: false, reason: 'out-of-metric' };
  return { ok: false, reason: 'into-goal' };
}

/** The nodes and links a new link is checked against. */
export interface LinkContext {
  nodes: ReadonlyMap<string, Pick<MapNode, 'id' | 'kind'>>;
  links: readonly Pick<MapLink, 'source' | 'target'>[];
}

/**
 * The one rule for drawing a link: allowed kinds, no self-link, no duplicate, no cycle.
 * Used by the canvas while the user drags and by the main process before saving.
 */
export function checkNewLink(context: LinkContext, source: string, target: string): LinkCheck {
  const from = context.nodes.get(source);
  const to = context.nodes.get(target);
  if (!from || !to) return { ok: false, reason: 'missing-node' };
  if (source === target) return { ok: false, reason: 'self-link' };
  const kinds = checkKinds(from.kind, to.kind);
  if (!kinds.ok) return kinds;
  if (context.links.some((l) => l.source === source && l.target === target)) {
    return { ok: false, reason: 'duplicate' };
  }
  if (reaches(context.links, target, source)) return { ok: false, reason: 'cycle' };
  return kinds;
}

/** Whether `to` can be reached from `from` along the given links (iterative, any map size). */
function reaches(links: LinkContext['links'], from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const l of links) {
    const list = next.get(l.source);
    if (list) list.push(l.target);
    else next.set(l.source, [l.target]);
  }
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === to) return true;
    for (const n of next.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return false;
}

/** Builds the lookup a link check needs from a map's nodes and links. */
export function linkContext(nodes: readonly MapNode[], links: readonly MapLink[]): LinkContext {
  return { nodes: new Map(nodes.map((n) => [n.id, n])), links };
}
