import type { Language } from '../validation/findings';

/**
 * Why a JSON map is refused, as data: the command line prints the English phrase, the app says it
 * in the UI's language (shared/contract/error-wording.ts, 'import-refused'). `value` is what the
 * phrase names: a size, an id, or the parser's or schema's own words, which stay as they came.
 */
export type InterchangeRefusal =
  | { kind: 'larger-than'; value: string }
  | { kind: 'too-large'; value: string }
  | { kind: 'not-json'; value: string }
  | { kind: 'not-a-map'; value: string }
  | { kind: 'duplicate-node'; value: string }
  | { kind: 'duplicate-link'; value: string };

export type InterchangeRefusalKind = InterchangeRefusal['kind'];

const PHRASES: Readonly<
  Record<Language, Readonly<Record<InterchangeRefusalKind, (value: string) => string>>>
> = {
  en: {
    'larger-than': (mb) => `the file is larger than ${mb} MB`,
    'too-large': (why) => `the file is too large to be a map: ${why}`,
    'not-json': (why) => `the file is not valid JSON (${why})`,
    'not-a-map': (why) => `the file is not a Throughline map: ${why}`,
    'duplicate-node': (id) => `two nodes share the id "${id}"`,
    'duplicate-link': (id) => `two links share the id "${id}"`,
  },
  'zh-CN': {
    'larger-than': (mb) => `文件大于 ${mb} MB`,
    'too-large': (why) => `文件太大，不可能是一张地图：${why}`,
    'not-json': (why) => `文件不是有效的 JSON（${why}）`,
    'not-a-map': (why) => `文件不是 Throughline 地图：${why}`,
    'duplicate-node': (id) => `有两个节点的 id 都是“${id}”`,
    'duplicate-link': (id) => `有两条连线的 id 都是“${id}”`,
  },
};

/** Every kind, for checking what crosses the contract. */
export const INTERCHANGE_REFUSAL_KINDS = Object.keys(PHRASES.en) as InterchangeRefusalKind[];

/** The refusal as a phrase (no capital, no full stop) in a language, or null for an unknown kind. */
export function interchangeRefusalPhrase(
  refusal: { kind: string; value: string },
  language: Language,
): string | null {
  const phrase = PHRASES[language][refusal.kind as InterchangeRefusalKind];
  return phrase ? phrase(refusal.value) : null;
}
