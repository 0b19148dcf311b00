// Generators of hostile payloads for the contract fuzz test: anything at all, payloads shaped like a
// method's schema with wrong values, and valid payloads with exactly one thing wrong.
import fc from 'fast-check';
import { z } from 'zod';

/** Strings that have hurt apps like this one: path tricks, reserved names, markup, SQL, bad UTF-16. */
export const HOSTILE_TEXT: readonly string[] = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  '../../etc/passwd',
  '..\\..\\windows\\system32',
  'CON',
  'nul.json',
  'a\u0000b',
  "'); DROP TABLE nodes;--",
  '<img src=x onerror="window.__pwned=1">',
  'javascript:alert(1)',
  '\u202Egnp.exe',
  '\uD800',
  '%00',
  'x'.repeat(301),
  'x'.repeat(70_000),
];

/** An object carrying own `__proto__` and `constructor` keys, as JSON.parse delivers them. */
const pollutingObject = (): unknown =>
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');

/** Values of the wrong type or shape, and hostile strings: what a broken or malicious caller sends. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 2, maxKeys: 4 }),
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: -1_000_000_000, max: -1 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 2 ** 53, 1e300, 0.5),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.date(),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 4 }),
  fc.constant(null).map(() => Object.create(null) as object),
  fc.constant(null).map(pollutingObject),
);

/** Keys no method has, the prototype's own among them. */
export const extraKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'then'),
  fc.string({ maxLength: 12 }),
);

/** Sets a key as an own property, even `__proto__`, as JSON.parse and structured clone deliver it. */
export function withOwn<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/**
 * A payload with the schema's own keys (some missing, most with wrong values, some plausible)
 * plus unknown keys. Works for any object schema, so methods added later are covered as they are.
 */
export function shapedPayload(schema: z.ZodType, plausible: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const field = fc.oneof({ arbitrary: wrongValue, weight: 3 }, { arbitrary: plausible, weight: 2 });
  return fc
    .tuple(
      fc.tuple(
        ...keys.map((key) =>
          fc.option(
            field.map((value) => [key, value] as const),
            { nil: undefined },
          ),
        ),
      ),
      fc.array(fc.tuple(extraKey, wrongValue), { maxLength: 3 }),
    )
    .map(([known, extra]) => {
      const payload: Record<string, unknown> = {};
      for (const entry of known) if (entry) withOwn(payload, entry[0], entry[1]);
      for (const [key, value] of extra) withOwn(payload, key, value);
      return payload;
    });
}

type Path = (string | number)[];

/** Every place in a plain value where something could be put: keys and array items, 3 levels deep. */
function placesIn(value: unknown, prefix: Path = [], depth = 0): Path[] {
  if (depth > 3 || value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.slice(0, 2).map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [
    [...prefix, key],
    ...placesIn(child, [...prefix, key], depth + 1),
  ]);
}

function objectAt(root: unknown, path: Path): Record<string | number, unknown> | null {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>) : null;
}

/**
 * A valid payload with exactly one thing changed: one value (at any depth) replaced by a wrong
 * one, one key removed, or one unknown key added next to the others.
 */
export function oneThingWrong(example: object): fc.Arbitrary<unknown> {
  const places = placesIn(example);
  const containers: Path[] = [[], ...places.filter((path) => objectAt(example, path) !== null)];
  const copy = () => structuredClone(example) as Record<string, unknown>;
  const edits: fc.Arbitrary<unknown>[] = [
    fc.tuple(fc.constantFrom(...containers), extraKey, wrongValue).map(([path, key, value]) => {
      const payload = copy();
      const target = objectAt(payload, path);
      if (target && !Array.isArray(target)) withOwn(target, key, value);
      return payload;
    }),
  ];
  if (places.length > 0) {
    const place = fc.constantFrom(...places);
    edits.push(
      fc.tuple(place, wrongValue).map(([path, value]) => {
        const payload = copy();
        const parent = objectAt(payload, path.slice(0, -1));
        const key = path[path.length - 1];
        if (parent && key !== undefined) withOwn(parent, String(key), value);
        return payload;
      }),
      place.map((path) => {
        const payload = copy();
        const parent = objectAt(payload, path.slice(0, -1));
        const key = path[path.length - 1];
        if (parent && key !== undefined && !Array.isArray(parent)) delete parent[key];
        return payload;
      }),
    );
  }
  return fc.oneof(...edits);
}
