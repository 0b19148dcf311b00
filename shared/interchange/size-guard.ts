import { LIMITS } from '../model/limits';

const ITEMS = LIMITS.nodesPerMap + LIMITS.linksPerMap;

/**
 * Generous upper bounds of what a map file can contain, counted without parsing it. A node is two
 * objects (itself and its position) with about twenty fields, a link one object with three; four
 * objects and forty values per item leave room for fields this version ignores; a check-in is one
 * object of seven values.
 */
export const INTERCHANGE_BOUNDS = {
  objects: 4 * ITEMS + LIMITS.checkinsPerMap,
  values: 40 * ITEMS + 10 * LIMITS.checkinsPerMap,
} as const;

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const COMMA = 44;

/**
 * Why a JSON text cannot be a map because it holds too many objects or values, or null. One pass
 * over the characters, no allocation, stopping at the first bound crossed: a file of a million
 * nodes is refused in milliseconds instead of being parsed into a million objects first.
 */
export function interchangeOversizeReason(
  text: string,
  bounds: { objects: number; values: number } = INTERCHANGE_BOUNDS,
): string | null {
  let objects = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACE) {
      if (++objects > bounds.objects) return tooMany(`${bounds.objects.toLocaleString('en')} objects`);
    } else if (code === COMMA) {
      if (++values > bounds.values) return tooMany(`${bounds.values.toLocaleString('en')} values`);
    }
  }
  return null;
}

/** Why parsed JSON has more nodes or links than a map may hold, or null; checked before the schema. */
export function interchangeCountReason(raw: unknown): string | null {
  if (raw === null || typeof raw !== 'object') return null;
  const { nodes, links } = raw as { nodes?: unknown; links?: unknown };
  if (Array.isArray(nodes) && nodes.length > LIMITS.nodesPerMap) {
    return `it has ${nodes.length.toLocaleString('en')} nodes; a map holds at most ${LIMITS.nodesPerMap.toLocaleString('en')}`;
  }
  if (Array.isArray(links) && links.length > LIMITS.linksPerMap) {
    return `it has ${links.length.toLocaleString('en')} links; a map holds at most ${LIMITS.linksPerMap.toLocaleString('en')}`;
  }
  return null;
}

function tooMany(what: string): string {
  return (
    `it holds more than ${what}, far more than a map of ${LIMITS.nodesPerMap.toLocaleString('en')} ` +
    `nodes and ${LIMITS.linksPerMap.toLocaleString('en')} links can have`
  );
}
