import JSZip from 'jszip';

/**
 * What pptxgenjs cannot write, made from what it wrote: each card grouped with its chip, so the two
 * move together, and each arrow between two cards a connector glued to their sides, so it follows
 * a card that is moved, as in a diagram drawn in PowerPoint. The shapes are found by the names the
 * writer gave them ("node ID", "chip ID", "link SOURCE TARGET FROM TO"; ids are letters, digits,
 * "_" and "-" only).
 */
export async function glueDeck(bytes: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (!/^ppt\/slides\/slide\d+\.xml$/.test(name)) continue;
    const file = zip.file(name) as JSZip.JSZipObject;
    zip.file(name, glueSlide(await file.async('string')));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The shape with a name, as pptxgenjs writes it: `<p:sp>…<p:cNvPr id="7" name="…">…</p:sp>`. */
interface Shape {
  start: number;
  end: number;
  id: number;
  name: string;
  xml: string;
}

function shapesOf(xml: string): Shape[] {
  const shapes: Shape[] = [];
  let at = xml.indexOf('<p:sp>');
  while (at !== -1) {
    const end = xml.indexOf('</p:sp>', at) + '</p:sp>'.length;
    const shape = xml.slice(at, end);
    const head = /<p:cNvPr id="(\d+)" name="([^"]*)"/.exec(shape);
    if (head) shapes.push({ start: at, end, id: Number(head[1]), name: head[2] as string, xml: shape });
    at = xml.indexOf('<p:sp>', end);
  }
  return shapes;
}

/** Connection sites of rect and roundRect: 0 top, 1 left, 2 bottom, 3 right. */
const SITE = { left: 1, right: 3 } as const;

export function glueSlide(xml: string): string {
  const shapes = shapesOf(xml);
  const idOf = new Map<string, number>();
  for (const s of shapes) if (s.name.startsWith('node ')) idOf.set(s.name.slice(5), s.id);
  const chipOf = new Map<string, Shape>();
  for (const s of shapes) if (s.name.startsWith('chip ')) chipOf.set(s.name.slice(5), s);
  let nextId = Math.max(0, ...shapes.map((s) => s.id)) + 1;

  const replaced = new Map<number, string>();
  for (const shape of shapes) {
    if (shape.name.startsWith('link ')) {
      const [source, target, from, to] = shape.name.slice(5).split(' ') as [
        string,
        string,
        'left' | 'right',
        'left' | 'right',
      ];
      const start = idOf.get(source);
      const end = idOf.get(target);
      const props = /<p:spPr>[\s\S]*<\/p:spPr>/.exec(shape.xml)?.[0];
      if (start === undefined || end === undefined || !props || !(from in SITE) || !(to in SITE)) continue;
      replaced.set(
        shape.start,
        `<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="${shape.id}" name="${shape.name}"/><p:cNvCxnSpPr>` +
          `<a:stCxn id="${start}" idx="${SITE[from]}"/><a:endCxn id="${end}" idx="${SITE[to]}"/>` +
          `</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>${props.replace('prst="line"', 'prst="straightConnector1"')}</p:cxnSp>`,
      );
    } else if (shape.name.startsWith('node ')) {
      const chip = chipOf.get(shape.name.slice(5));
      const box = /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(shape.xml);
      if (!chip || !box) continue;
      const [, x, y, cx, cy] = box;
      replaced.set(
        shape.start,
        `<p:grpSp><p:nvGrpSpPr><p:cNvPr id="${nextId++}" name="card ${shape.name.slice(5)}"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
          `<p:grpSpPr><a:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="${cx}" cy="${cy}"/>` +
          `<a:chOff x="${x}" y="${y}"/><a:chExt cx="${cx}" cy="${cy}"/></a:xfrm></p:grpSpPr>` +
          `${shape.xml}${chip.xml}</p:grpSp>`,
      );
      replaced.set(chip.start, '');
    }
  }
  if (replaced.size === 0) return xml;
  let out = '';
  let at = 0;
  for (const shape of shapes) {
    const replacement = replaced.get(shape.start);
    if (replacement === undefined) continue;
    out += xml.slice(at, shape.start) + replacement;
    at = shape.end;
  }
  return out + xml.slice(at);
}
