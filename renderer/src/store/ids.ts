/** A new id for a node or link: short, URL-safe, unique enough for one map. */
export function newId(prefix: 'n' | 'l' | 's' | 'c'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  let id = '';
  for (const b of bytes) id += 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36];
  return `${prefix}_${id}`;
}
