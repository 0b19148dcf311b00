import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = join(root, 'shared');

type Graph = ReadonlyMap<string, readonly string[]>;

/** Every relative import and re-export of a module, type-only ones included, as file paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(
    /(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/g,
  )) {
    const spec = (match[1] ?? match[2]) as string;
    if (!spec.startsWith('.')) continue;
    const base = resolve(dirname(file), spec);
    const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => existsSync(path));
    if (!target) throw new Error(`${relative(root, file)}: cannot resolve ${spec}`);
    found.push(target);
  }
  return found;
}

function moduleGraph(dir: string): Graph {
  const graph = new Map<string, string[]>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    graph.set(file, importsOf(file));
  }
  return graph;
}

/** The import cycles of a graph, one per strongly connected component of more than one module or a self-import. */
function importCycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('shared/ has no import cycle', () => {
  it('the check finds a cycle, a self-import, and none in a chain', () => {
    const cyclic: Graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', ['a']],
    ]);
    expect(importCycles(cyclic)).toEqual([['a', 'b', 'c'], ['d']]);
    expect(
      importCycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('reads type-only imports and re-exports as imports', () => {
    const graph = moduleGraph(join(shared, 'graph'));
    const reach = join(shared, 'graph/reach.ts');
    const index = join(shared, 'graph/index.ts');
    expect(graph.get(reach)).toContain(join(shared, 'graph/link-analysis.ts'));
    expect(graph.get(index)).toContain(reach);
  });

  it('no module under shared/ imports itself through other modules', () => {
    const graph = moduleGraph(shared);
    expect(graph.size).toBeGreaterThan(50);
    const cycles = importCycles(graph).map((cycle) => cycle.map((file) => relative(root, file)));
    expect(cycles).toEqual([]);
  });
});
