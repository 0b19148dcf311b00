/**
 * A small well-formedness check for the SVG the renderer writes (no DOMParser under Node): tags
 * nest and close, attributes are quoted, entities are the five predefined ones or numeric, and no
 * raw "<" or "&" sits in text. Returns the problem, or null when the document is well formed.
 */
export function xmlProblem(xml: string): string | null {
  const stack: string[] = [];
  // An XML declaration may open the document (a standalone .svg file has one).
  const prolog = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  let i = prolog ? prolog[0].length : 0;
  let roots = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    const bad = badText(text);
    if (bad) return `${bad} at ${i}`;
    if (lt === -1) break;
    const gt = findTagEnd(xml, lt);
    if (gt === -1) return `unclosed tag at ${lt}`;
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) return `</${name}> closes <${open ?? 'nothing'}> at ${lt}`;
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const match = /^([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*$/.exec(
      body,
    );
    if (!match) return `malformed tag <${tag.slice(0, 60)}> at ${lt}`;
    const attributes = match[2] ?? '';
    const names = [...attributes.matchAll(/([A-Za-z_][\w:.-]*)\s*=/g)].map((m) => m[1]);
    if (new Set(names).size !== names.length) return `duplicate attribute in <${match[1]}> at ${lt}`;
    for (const value of attributes.matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const problem = badText(value[1] ?? value[2] ?? '');
      if (problem) return `${problem} in an attribute at ${lt}`;
    }
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push(match[1] as string);
  }
  if (stack.length > 0) return `<${stack.join('> <')}> never closed`;
  if (roots !== 1) return `${roots} root elements`;
  return null;
}

function findTagEnd(xml: string, from: number): number {
  let quote: string | null = null;
  for (let j = from + 1; j < xml.length; j++) {
    const c = xml[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j;
  }
  return -1;
}

function badText(text: string): string | null {
  if (text.includes('<')) return 'raw "<"';
  for (const m of text.matchAll(/&([^;\s]*);?/g)) {
    const entity = m[1] ?? '';
    if (!m[0].endsWith(';')) return `bare "&${entity}"`;
    if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(entity)) return `unknown entity &${entity};`;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) return 'a control character';
  return null;
}

/** The text content of every <text> element, tags stripped and entities decoded. */
export function svgTexts(xml: string): string[] {
  return [...xml.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    decode((m[1] ?? '').replace(/<[^>]+>/g, '\n')),
  );
}

export function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
