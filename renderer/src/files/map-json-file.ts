import { wordError } from '../../../shared/contract/error-wording';
import { decodeInterchange, type InterchangeRefusal, parseInterchange } from '../../../shared/interchange';
import type { Language } from '../../../shared/model/language';

/**
 * A JSON map picked for Import, read as the command line reads it (shared/interchange/format.ts):
 * text that is not UTF-8 is refused, never imported with garbled titles, and a file that is not a
 * map is refused with where in the file and what, in the UI's language, before anything is sent.
 * The main process checks the text again; this check is what lets the refusal be said in Chinese.
 */
export async function readMapJsonFile(
  file: Blob,
  language: Language,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const refused = (refusal: InterchangeRefusal) => ({
    ok: false as const,
    message: wordError({ reason: 'import-refused', params: refusal }, language),
  });
  const decoded = decodeInterchange(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) return refused(decoded.refusal);
  const parsed = parseInterchange(decoded.text);
  if (!parsed.ok) return refused(parsed.refusal);
  return { ok: true, text: decoded.text };
}
