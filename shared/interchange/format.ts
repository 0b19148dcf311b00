import { z } from 'zod';
import { jsonWithoutControls } from '../exports/control-chars';
import { LIMITS } from '../model/limits';
import { MapContentSchema, MapNameSchema } from '../model/schemas';
import type { MapContent } from '../model/types';
import { type InterchangeRefusal, interchangeRefusalPhrase } from './refusals';
import { describeSchemaIssues, schemaIssues } from './schema-issues';
import { interchangeCountReason, interchangeOversizeReason } from './size-guard';

/** Identifies a Throughline JSON map and its format version. */
export const INTERCHANGE_FORMAT = 'throughline-map';
export const INTERCHANGE_VERSION = 1;

/**
 * The JSON interchange format: a map's name, nodes and links. Kind-specific node fields may be
 * left out (they take their defaults). Links that break the link rules are kept and reported by the
 * validator; only a file that is not structurally a map is refused.
 */
export const InterchangeSchema = z
  .object({
    format: z.literal(INTERCHANGE_FORMAT),
    version: z.literal(INTERCHANGE_VERSION),
    name: MapNameSchema,
  })
  .extend(MapContentSchema.shape);

export type InterchangeFile = z.output<typeof InterchangeSchema>;

export type ParsedInterchange =
  | { ok: true; name: string; content: MapContent }
  | { ok: false; message: string; refusal: InterchangeRefusal };

function refused(refusal: InterchangeRefusal): ParsedInterchange {
  return { ok: false, message: interchangeRefusalPhrase(refusal, 'en') as string, refusal };
}

/** Largest JSON text accepted, so a huge file is refused before it is parsed. */
export const MAX_INTERCHANGE_BYTES = 50_000_000;

/** Reads a JSON map, refusing anything that is not structurally a Throughline map, with a reason. */
export function parseInterchange(text: string): ParsedInterchange {
  if (text.length > MAX_INTERCHANGE_BYTES) {
    return refused({ kind: 'larger-than', value: String(MAX_INTERCHANGE_BYTES / 1_000_000) });
  }
  // Counted before parsing: a million nodes would otherwise be parsed into a million objects first.
  const oversize = interchangeOversizeReason(text);
  if (oversize) return refused({ kind: 'too-large', value: oversize });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return refused({ kind: 'not-json', value: (error as Error).message });
  }
  const tooMany = interchangeCountReason(raw);
  if (tooMany) return refused({ kind: 'too-large', value: tooMany });
  const parsed = InterchangeSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = schemaIssues(parsed.error.issues, raw);
    return refused({ kind: 'not-a-map', value: describeSchemaIssues(issues, 'en'), issues });
  }
  const duplicate = firstDuplicate(parsed.data.nodes.map((n) => n.id));
  if (duplicate) return refused({ kind: 'duplicate-node', value: duplicate });
  const duplicateLink = firstDuplicate(parsed.data.links.map((l) => l.id));
  if (duplicateLink) return refused({ kind: 'duplicate-link', value: duplicateLink });
  const { name, nodes, links } = parsed.data;
  return { ok: true, name, content: { nodes, links } };
}

/**
 * The text of a JSON map file, or why it is refused. JSON maps are UTF-8 (RFC 8259): text in
 * another encoding (GBK, Latin-1, UTF-16) is refused rather than read with replacement characters,
 * which would import a map whose titles are silently garbled. A byte order mark is dropped. One
 * rule for the command line and the app's Import (TextDecoder exists in Node and in browsers).
 */
export function decodeInterchange(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; message: string; refusal: InterchangeRefusal } {
  const refuse = (refusal: InterchangeRefusal) =>
    ({ ok: false, message: interchangeRefusalPhrase(refusal, 'en') as string, refusal }) as const;
  if (bytes.length > MAX_INTERCHANGE_BYTES) {
    return refuse({ kind: 'larger-than', value: String(MAX_INTERCHANGE_BYTES / 1_000_000) });
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return refuse({ kind: 'utf-16', value: '' });
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return refuse({ kind: 'not-utf-8', value: '' });
  }
}

/** A JSON map file's bytes read as the command line and the app's Import both read them. */
export function parseInterchangeBytes(bytes: Uint8Array): ParsedInterchange {
  const decoded = decodeInterchange(bytes);
  return decoded.ok ? parseInterchange(decoded.text) : decoded;
}

/**
 * Writes a map in the interchange format, stable and readable (two-space indent), with no raw
 * control character (C1 and direction overrides as `\u` escapes, the same strings to a reader).
 */
export function serializeInterchange(name: string, content: MapContent): string {
  const file: InterchangeFile = {
    format: INTERCHANGE_FORMAT,
    version: INTERCHANGE_VERSION,
    name: name.slice(0, LIMITS.mapName),
    nodes: content.nodes,
    links: content.links,
  };
  return `${jsonWithoutControls(JSON.stringify(file, null, 2))}\n`;
}

function firstDuplicate(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}
