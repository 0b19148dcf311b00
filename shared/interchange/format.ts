import { z } from 'zod';
import { jsonWithoutControls } from '../exports/control-chars';
import { CheckinIndex } from '../model/checkins';
import { LIMITS } from '../model/limits';
import {
  GoalNodeSchema,
  MapLinkSchema,
  MapNameSchema,
  MechanismNodeSchema,
  MetricCheckinSchema,
  MetricNodeSchema,
} from '../model/schemas';
import type { Checkin, MapContent, MapNode, MetricCheckin } from '../model/types';
import { type InterchangeRefusal, interchangeRefusalPhrase } from './refusals';
import { describeSchemaIssues, schemaIssues } from './schema-issues';
import { interchangeCountReason, interchangeOversizeReason } from './size-guard';

/** Identifies a Throughline JSON map and its format version. */
export const INTERCHANGE_FORMAT = 'throughline-map';
/**
 * The version this build writes. 2 added each metric's `checkins`; a version 1 file (none) still
 * imports, and a later version than this is refused as made by a newer Throughline.
 */
export const INTERCHANGE_VERSION = 2;
export const INTERCHANGE_VERSIONS = [1, 2] as const;

/** A metric as a file holds it: its check-ins nested under it, oldest first. */
const FileMetricSchema = MetricNodeSchema.extend({
  checkins: z.array(MetricCheckinSchema).max(LIMITS.checkinsPerMap).optional(),
});

/**
 * The JSON interchange format: a map's name, nodes and links, and under each metric its
 * check-ins. Kind-specific node fields may be left out (they take their defaults). Links that
 * break the link rules are kept and reported by the validator; only a file that is not
 * structurally a map is refused.
 */
export const InterchangeSchema = z.object({
  format: z.literal(INTERCHANGE_FORMAT),
  version: z.union(INTERCHANGE_VERSIONS.map((v) => z.literal(v))),
  name: MapNameSchema,
  nodes: z
    .array(z.discriminatedUnion('kind', [GoalNodeSchema, MechanismNodeSchema, FileMetricSchema]))
    .max(LIMITS.nodesPerMap),
  links: z.array(MapLinkSchema).max(LIMITS.linksPerMap),
});

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
  const newer = newerVersion(raw);
  if (newer !== null) return refused({ kind: 'newer-version', value: String(newer) });
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
  const { name, links } = parsed.data;
  const nodes: MapNode[] = [];
  const checkins: Checkin[] = [];
  for (const fileNode of parsed.data.nodes) {
    if (fileNode.kind !== 'metric') {
      nodes.push(fileNode);
      continue;
    }
    const { checkins: history = [], ...metric } = fileNode;
    nodes.push(metric);
    for (const c of history) checkins.push({ ...c, metric: metric.id });
  }
  if (checkins.length > LIMITS.checkinsPerMap) {
    return refused({
      kind: 'too-large',
      value: `it has ${checkins.length.toLocaleString('en')} check-ins; a map holds at most ${LIMITS.checkinsPerMap.toLocaleString('en')}`,
    });
  }
  const duplicateCheckin = firstDuplicate(checkins.map((c) => c.id));
  if (duplicateCheckin) return refused({ kind: 'duplicate-checkin', value: duplicateCheckin });
  return { ok: true, name, content: { nodes: withLatestValues(nodes, checkins), links, checkins } };
}

/** The version of a Throughline map newer than this build reads, or null. */
function newerVersion(raw: unknown): number | null {
  if (raw === null || typeof raw !== 'object') return null;
  const { format, version } = raw as { format?: unknown; version?: unknown };
  return format === INTERCHANGE_FORMAT && typeof version === 'number' && version > INTERCHANGE_VERSION
    ? version
    : null;
}

/**
 * The nodes with each metric that has check-ins holding its latest as its current value (the
 * rule of checkins.ts): a file written by hand or by another tool may say otherwise.
 */
function withLatestValues(nodes: MapNode[], checkins: readonly Checkin[]): MapNode[] {
  if (checkins.length === 0) return nodes;
  const index = new CheckinIndex(checkins);
  return nodes.map((node) => {
    const latest = node.kind === 'metric' ? index.latest(node.id) : null;
    return latest && node.kind === 'metric' ? { ...node, current: latest.value } : node;
  });
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
  const index = new CheckinIndex(content.checkins ?? []);
  const file: InterchangeFile = {
    format: INTERCHANGE_FORMAT,
    version: INTERCHANGE_VERSION,
    name: name.slice(0, LIMITS.mapName),
    nodes: content.nodes.map((node) => {
      const history = node.kind === 'metric' ? index.history(node.id) : [];
      return history.length === 0 ? node : { ...node, checkins: history.map(withoutMetric) };
    }),
    links: content.links,
  };
  return `${jsonWithoutControls(JSON.stringify(file, null, 2))}\n`;
}

function withoutMetric({ metric: _metric, ...checkin }: Checkin): MetricCheckin {
  return checkin;
}

function firstDuplicate(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}
