import { z } from 'zod';
import { IdSchema } from '../model/schemas';

/**
 * A map's saved versions: named states kept inside the document ("Offsite 2027 Q1"), each with its
 * date and author, for comparing (shared/diff) and starting again from. One home of their limits
 * and shapes, for the contract, the storage and the command line.
 */
export const VERSION_LIMITS = {
  /** A label is a short name, like a map's: it is shown in menus, lists and headings. */
  label: 120,
  /** Who saved it: a person's name, as long as a node's owner may be. */
  author: 120,
  /** Versions one map may keep (each holds the whole map). */
  perMap: 500,
} as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Why a label or an author's name is refused: the sentence's `problem` (error-wording.ts). */
export type VersionTextProblem = 'empty' | 'too-long' | 'several-lines';

/**
 * A label (`allowEmpty` false) or an author's name as stored, trimmed, or why it is refused: one
 * line of text (no line break or control character) of at most `limit` characters.
 */
export function checkVersionText(
  text: string,
  limit: number,
  allowEmpty: boolean,
): { ok: true; text: string } | { ok: false; problem: VersionTextProblem } {
  const trimmed = text.trim();
  if (trimmed === '' && !allowEmpty) return { ok: false, problem: 'empty' };
  if (CONTROL_OR_BREAK.test(trimmed)) return { ok: false, problem: 'several-lines' };
  if (trimmed.length > limit) return { ok: false, problem: 'too-long' };
  return { ok: true, text: trimmed };
}

/** A version as the Versions panel and `throughline versions` list it. */
export const VersionSummarySchema = z.object({
  id: IdSchema,
  mapId: IdSchema,
  label: z.string(),
  /** When it was saved, as an ISO time (UTC). */
  createdAt: z.string(),
  /** Who saved it; empty when nobody was named. */
  author: z.string(),
  nodeCount: z.number().int().nonnegative(),
});
export type VersionSummary = z.output<typeof VersionSummarySchema>;
