import type { Language } from '../model/language';
import { describeSchemaIssues, type SchemaIssue } from './schema-issues';

/**
 * Why a JSON map is refused, as data: the command line prints the English phrase, the app says it
 * in the UI's language (shared/contract/error-wording.ts, 'import-refused'). `value` is what the
 * phrase names: a size, an id, or the parser's own words, which stay as they came. A map the
 * schema refuses carries its issues as data too (`issues`), so the app says where in the file and
 * what in its own language; `value` is their English wording, for the command line and the contract.
 */
export type InterchangeRefusal =
  | { kind: 'larger-than'; value: string }
  | { kind: 'too-large'; value: string }
  | { kind: 'utf-16'; value: string }
  | { kind: 'not-utf-8'; value: string }
  | { kind: 'not-json'; value: string }
  | { kind: 'not-a-map'; value: string; issues?: SchemaIssue[] }
  | { kind: 'duplicate-node'; value: string }
  | { kind: 'duplicate-link'; value: string }
  | { kind: 'duplicate-checkin'; value: string }
  | { kind: 'newer-version'; value: string };

export type InterchangeRefusalKind = InterchangeRefusal['kind'];

const PHRASES: Readonly<
  Record<Language, Readonly<Record<InterchangeRefusalKind, (value: string) => string>>>
> = {
  en: {
    'larger-than': (mb) => `the file is larger than ${mb} MB`,
    'too-large': (why) => `the file is too large to be a map: ${why}`,
    'utf-16': () => 'the file is UTF-16 text; save it as UTF-8 and try again',
    'not-utf-8': () => 'the file is not UTF-8 text (perhaps GBK or Latin-1); save it as UTF-8 and try again',
    'not-json': (why) => `the file is not valid JSON (${why})`,
    'not-a-map': (why) => `the file is not a Throughline map: ${why}`,
    'duplicate-node': (id) => `two nodes share the id "${id}"`,
    'duplicate-link': (id) => `two links share the id "${id}"`,
    'duplicate-checkin': (id) => `two check-ins share the id "${id}"`,
    'newer-version': (version) =>
      `it was made by a newer Throughline (format version ${version}); update Throughline to open it`,
  },
  'zh-CN': {
    'larger-than': (mb) => `文件大于 ${mb} MB`,
    'too-large': (why) => `文件太大，不可能是一张地图：${why}`,
    'utf-16': () => '文件是 UTF-16 文本；请另存为 UTF-8 后重试',
    'not-utf-8': () => '文件不是 UTF-8 文本（可能是 GBK 或 Latin-1 编码）；请另存为 UTF-8 后重试',
    'not-json': (why) => `文件不是有效的 JSON（${why}）`,
    'not-a-map': (why) => `文件不是 Throughline 地图：${why}`,
    'duplicate-node': (id) => `有两个节点的 id 都是“${id}”`,
    'duplicate-link': (id) => `有两条连线的 id 都是“${id}”`,
    'duplicate-checkin': (id) => `有两条数值记录的 id 都是“${id}”`,
    'newer-version': (version) =>
      `它由更新版本的 Throughline 制作（格式版本 ${version}）；请更新 Throughline 后再打开`,
  },
};

/** Every kind, for checking what crosses the contract. */
export const INTERCHANGE_REFUSAL_KINDS = Object.keys(PHRASES.en) as InterchangeRefusalKind[];

/**
 * The refusal as a phrase (no capital, no full stop) in a language, or null for an unknown kind.
 * The schema's issues, when the refusal carries them, are said in that language.
 */
export function interchangeRefusalPhrase(
  refusal: { kind: string; value: string; issues?: readonly SchemaIssue[] },
  language: Language,
): string | null {
  const phrase = PHRASES[language][refusal.kind as InterchangeRefusalKind];
  if (!phrase) return null;
  const issues = refusal.kind === 'not-a-map' ? refusal.issues : undefined;
  return phrase(issues && issues.length > 0 ? describeSchemaIssues(issues, language) : refusal.value);
}
