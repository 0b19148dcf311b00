import type { z } from 'zod';
import type { Language } from '../model/language';

/**
 * What is wrong with one field of a JSON map, as data, so that it is said in any language: the
 * schema's own messages are English only. `other` keeps the schema's words for a rule not named here.
 */
export type SchemaProblem =
  | { type: 'missing' }
  | { type: 'wrong-type'; expected: string }
  | { type: 'one-of'; values: string[] }
  | { type: 'too-long'; limit: number }
  | { type: 'empty' }
  | { type: 'too-short'; limit: number }
  | { type: 'too-large'; limit: number }
  | { type: 'too-small'; limit: number }
  | { type: 'too-many'; limit: number }
  | { type: 'too-few'; limit: number }
  | { type: 'not-a-date' }
  | { type: 'bad-id' }
  | { type: 'other'; message: string };

/** Where in the file (`nodes[3].kind`, empty for the whole file) and what is wrong there. */
export interface SchemaIssue {
  path: string;
  problem: SchemaProblem;
}

/** A path as it is written in JavaScript: `nodes[3].kind`. */
export function schemaPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): { found: boolean } {
  let at: unknown = raw;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return { found: false };
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return { found: at !== undefined };
}

function problemOf(issue: z.core.$ZodIssue, raw: unknown): SchemaProblem {
  const limit = (value: number | bigint) => Number(value);
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(raw, issue.path).found
        ? { type: 'wrong-type', expected: issue.expected }
        : { type: 'missing' };
    case 'invalid_value':
      return { type: 'one-of', values: issue.values.map((v) => JSON.stringify(v)) };
    case 'invalid_union':
      // A node whose kind is none of the kinds: the union is chosen by its discriminator.
      if ('options' in issue && Array.isArray(issue.options))
        return valueAt(raw, issue.path).found
          ? { type: 'one-of', values: issue.options.map((v: unknown) => JSON.stringify(v)) }
          : { type: 'missing' };
      return { type: 'other', message: issue.message };
    case 'too_big':
      if (issue.origin === 'string') return { type: 'too-long', limit: limit(issue.maximum) };
      if (issue.origin === 'array') return { type: 'too-many', limit: limit(issue.maximum) };
      if (issue.origin === 'number') return { type: 'too-large', limit: limit(issue.maximum) };
      return { type: 'other', message: issue.message };
    case 'too_small':
      if (issue.origin === 'string')
        return limit(issue.minimum) <= 1
          ? { type: 'empty' }
          : { type: 'too-short', limit: limit(issue.minimum) };
      if (issue.origin === 'array') return { type: 'too-few', limit: limit(issue.minimum) };
      if (issue.origin === 'number') return { type: 'too-small', limit: limit(issue.minimum) };
      return { type: 'other', message: issue.message };
    case 'invalid_format':
      if (issue.format === 'date') return { type: 'not-a-date' };
      // The only pattern of the format is the one for ids (IdSchema, shared/model/schemas.ts).
      if (issue.format === 'regex') return { type: 'bad-id' };
      return { type: 'other', message: issue.message };
    default:
      return { type: 'other', message: issue.message };
  }
}

/** The first few issues of a refused map, as data. */
export function schemaIssues(issues: readonly z.core.$ZodIssue[], raw: unknown, count = 3): SchemaIssue[] {
  return issues
    .slice(0, count)
    .map((issue) => ({ path: schemaPath(issue.path), problem: problemOf(issue, raw) }));
}

const TYPE_NAMES: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en: { string: 'text', number: 'a number', array: 'a list', object: 'an object', boolean: 'true or false' },
  'zh-CN': { string: '文本', number: '数字', array: '列表', object: '对象', boolean: 'true 或 false' },
};

type Phrases = { [T in SchemaProblem['type']]: (p: Extract<SchemaProblem, { type: T }>) => string };

const PROBLEMS: Readonly<Record<Language, Phrases>> = {
  en: {
    missing: () => 'is missing',
    'wrong-type': ({ expected }) => `should be ${TYPE_NAMES.en[expected] ?? expected}`,
    'one-of': ({ values }) =>
      values.length === 1 ? `should be ${values[0]}` : `should be one of ${values.join(', ')}`,
    'too-long': ({ limit }) => `is longer than ${limit} characters`,
    empty: () => 'is empty',
    'too-short': ({ limit }) => `is shorter than ${limit} characters`,
    'too-large': ({ limit }) => `is larger than ${limit}`,
    'too-small': ({ limit }) => `is smaller than ${limit}`,
    'too-many': ({ limit }) => `has more than ${limit} items`,
    'too-few': ({ limit }) => `has fewer than ${limit} items`,
    'not-a-date': () => 'is not a date written as YYYY-MM-DD',
    'bad-id': () => 'may contain only letters, digits, "_" and "-"',
    other: ({ message }) => message,
  },
  'zh-CN': {
    missing: () => '缺失',
    'wrong-type': ({ expected }) => `应为${TYPE_NAMES['zh-CN'][expected] ?? expected}`,
    'one-of': ({ values }) =>
      values.length === 1 ? `应为 ${values[0]}` : `应为以下之一：${values.join('、')}`,
    'too-long': ({ limit }) => `超过 ${limit} 个字符`,
    empty: () => '为空',
    'too-short': ({ limit }) => `少于 ${limit} 个字符`,
    'too-large': ({ limit }) => `大于 ${limit}`,
    'too-small': ({ limit }) => `小于 ${limit}`,
    'too-many': ({ limit }) => `多于 ${limit} 项`,
    'too-few': ({ limit }) => `少于 ${limit} 项`,
    'not-a-date': () => '不是 YYYY-MM-DD 格式的日期',
    'bad-id': () => '只能包含字母、数字、“_”和“-”',
    other: ({ message }) => `不符合要求（${message}）`,
  },
};

const WHOLE_FILE: Readonly<Record<Language, string>> = { en: 'the file', 'zh-CN': '文件' };

/** One issue in a language: `nodes[3].kind: should be one of "goal", "mechanism", "metric"`. */
export function describeSchemaIssue(issue: SchemaIssue, language: Language): string {
  const phrase = PROBLEMS[language][issue.problem.type] as (p: SchemaProblem) => string;
  const where = issue.path === '' ? WHOLE_FILE[language] : issue.path;
  return language === 'zh-CN' ? `${where}：${phrase(issue.problem)}` : `${where}: ${phrase(issue.problem)}`;
}

/** Several issues in a language, as one phrase. */
export function describeSchemaIssues(issues: readonly SchemaIssue[], language: Language): string {
  return issues.map((issue) => describeSchemaIssue(issue, language)).join(language === 'zh-CN' ? '；' : '; ');
}
