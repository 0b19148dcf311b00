import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withFindings } from '../../renderer/src/store/map-findings';
import { toFlowEdge, toFlowNode } from '../../renderer/src/store/plan-flow';
import { outlineCsv } from '../../shared/exports/csv';
import { outlineMarkdown } from '../../shared/exports/markdown';
import { parseInterchange, serializeInterchange } from '../../shared/interchange';
import { MECHANISM_FUNCTIONS, NODE_KINDS } from '../../shared/model/kinds';
import { checkNewLink, linkContext } from '../../shared/model/link-rules';
import { MapNodeSchema } from '../../shared/model/schemas';
import type { MapLink, MapNode } from '../../shared/model/types';
import { planOutline } from '../../shared/print/plan-outline';
import { mapPicture } from '../../shared/render/map-picture';
import { lanePositions } from '../../shared/templates/lane-positions';
import { flagsOfFindings, goalFocus, healthSummary, validateMap } from '../../shared/validation';

/**
 * Ids (and map names, owners) named like members of Object.prototype must behave like any other
 * string: a map may legally use `__proto__` or `constructor` as a node id, and an object used as a
 * dictionary would answer such a key with an inherited function (or drop the write altogether).
 *
 * Metamorphic property: the same map with its ids renamed to harmless ones gives the same findings,
 * flags, focus, outline, exports and picture, up to the renaming.
 */
const PROTO_NAMES = [
  ...new Set([
    ...Object.getOwnPropertyNames(Object.prototype),
    ...Object.getOwnPropertyNames(Function.prototype),
    'prototype',
    'then',
    'length',
  ]),
];
/** A permutation of the names; the links past its end get ordinary ids. */
const someNames = fc.shuffledSubarray(PROTO_NAMES, { minLength: PROTO_NAMES.length });

const mapArbitrary = fc
  .record({
    nodes: fc.array(
      fc.record({
        kind: fc.constantFrom(...NODE_KINDS),
        fn: fc.constantFrom(...MECHANISM_FUNCTIONS),
        owner: fc.option(fc.constantFrom(...PROTO_NAMES), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    ids: someNames,
    ends: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 24 }),
    linkIds: someNames,
    name: fc.constantFrom(...PROTO_NAMES),
  })
  .map(({ nodes, ids, ends, linkIds, name }) => {
    const build = (nodeId: (i: number) => string, linkId: (i: number) => string) => {
      const mapNodes: MapNode[] = nodes.map((n, i) =>
        MapNodeSchema.parse({
          id: nodeId(i),
          kind: n.kind,
          title: `Node ${i}`,
          ...(n.owner ? { owner: n.owner } : {}),
          position: { x: (i % 3) * 300, y: i * 120 },
          ...(n.kind === 'mechanism' ? { function: n.fn } : {}),
          ...(n.kind === 'metric' ? { baseline: 1, target: 2 } : {}),
        }),
      );
      // One slot past the last node names a node that does not exist (a dangling link).
      const end = (k: number) => nodeId(k % (nodes.length + 1));
      const links: MapLink[] = ends.map(([s, t], i) => ({ id: linkId(i), source: end(s), target: end(t) }));
      return { nodes: mapNodes, links };
    };
    return {
      name,
      hostile: build(
        (i) => ids[i] as string,
        (i) => linkIds[i] ?? `plain-${i}`,
      ),
      safe: build(
        (i) => `node-${i}`,
        (i) => `link-${i}`,
      ),
      nodeRename: new Map<string, string>(ids.map((id, i): [string, string] => [id, `node-${i}`])),
      linkRename: new Map<string, string>([
        ...linkIds.map((id, i): [string, string] => [id, `link-${i}`]),
        ...ends.map((_, i): [string, string] => [`plain-${i}`, `link-${i}`]),
      ]),
    };
  });

const TODAY = '2026-12-07';

describe('ids named like Object.prototype members', () => {
  it('give the same results through every shared function and the canvas store as harmless ids', () => {
    fc.assert(
      fc.property(mapArbitrary, ({ name, hostile, safe, nodeRename, linkRename }) => {
        const to = (id: string) => nodeRename.get(id) ?? id;
        const renamed = (ids: Iterable<string>) => [...ids].map(to);
        const toLink = (id: string) => linkRename.get(id) ?? id;
        const renamedLinks = (ids: Iterable<string>) => [...ids].map(toLink);
        // Findings on dangling links quote the missing id; the rest of a text must be identical.
        const quotedIdsRenamed = (text: string) =>
          text.replace(
            /(id [“"]|和 “)([^”"]*)([”"])/g,
            (_m, open: string, id: string, close: string) => open + to(id.replace(/\\(.)/g, '$1')) + close,
          );

        const hostileFindings = validateMap(hostile);
        const safeFindings = validateMap(safe);
        expect(
          hostileFindings.map((f) => ({
            code: f.code,
            severity: f.severity,
            nodeIds: renamed(f.nodeIds),
            linkIds: renamedLinks(f.linkIds),
          })),
        ).toEqual(
          safeFindings.map((f) => ({
            code: f.code,
            severity: f.severity,
            nodeIds: f.nodeIds,
            linkIds: f.linkIds,
          })),
        );
        expect(healthSummary(hostile.nodes, hostileFindings)).toEqual(
          healthSummary(safe.nodes, safeFindings),
        );

        const hostileFlags = flagsOfFindings(hostileFindings);
        const safeFlags = flagsOfFindings(safeFindings);
        expect(new Map([...hostileFlags.nodes].map(([id, flag]) => [to(id), flag]))).toEqual(safeFlags.nodes);
        expect(new Set(renamedLinks(hostileFlags.links))).toEqual(safeFlags.links);

        for (const [i, node] of hostile.nodes.entries()) {
          const focus = goalFocus(node.id, hostile.nodes, hostile.links);
          const safeFocus = goalFocus((safe.nodes[i] as MapNode).id, safe.nodes, safe.links);
          expect(
            focus && {
              ...focus,
              nodeIds: new Set(renamed(focus.nodeIds)),
              linkIds: new Set(renamedLinks(focus.linkIds)),
            },
          ).toEqual(safeFocus);
        }

        const hostileContext = linkContext(hostile.nodes, hostile.links);
        const safeContext = linkContext(safe.nodes, safe.links);
        for (const [i, a] of hostile.nodes.entries()) {
          for (const [j, b] of hostile.nodes.entries()) {
            expect(checkNewLink(hostileContext, a.id, b.id)).toEqual(
              checkNewLink(safeContext, (safe.nodes[i] as MapNode).id, (safe.nodes[j] as MapNode).id),
            );
          }
        }

        const outlineIds = (o: ReturnType<typeof planOutline>) =>
          JSON.stringify(o, (key, value) => (key === 'id' ? to(value as string) : value));
        expect(outlineIds(planOutline(hostile.nodes, hostile.links))).toEqual(
          JSON.stringify(planOutline(safe.nodes, safe.links)),
        );
        expect(outlineCsv(hostile, 'en', TODAY)).toBe(outlineCsv(safe, 'en', TODAY));
        expect(quotedIdsRenamed(outlineMarkdown({ name, ...hostile }, 'zh-CN', TODAY))).toBe(
          outlineMarkdown({ name, ...safe }, 'zh-CN', TODAY),
        );
        expect(quotedIdsRenamed(mapPicture({ name, ...hostile }, 'en').svg)).toBe(
          mapPicture({ name, ...safe }, 'en').svg,
        );

        const lanes = lanePositions(hostile.nodes, hostile.links);
        expect(new Map([...lanes].map(([id, p]) => [to(id), p]))).toEqual(
          lanePositions(safe.nodes, safe.links),
        );

        const text = serializeInterchange(name, hostile);
        const back = parseInterchange(text);
        expect(back).toMatchObject({ ok: true, name });
        if (back.ok) expect(back.content.nodes.map((n) => n.id)).toEqual(hostile.nodes.map((n) => n.id));

        // The canvas store's findings per node: every node's flag is a string or absent, never an
        // inherited member of Object.prototype.
        const store = withFindings(
          hostile.nodes.map(toFlowNode),
          hostile.links.map((l) => toFlowEdge(l, false)),
        );
        const safeStore = withFindings(
          safe.nodes.map(toFlowNode),
          safe.links.map((l) => toFlowEdge(l, false)),
        );
        for (const [i, node] of hostile.nodes.entries()) {
          expect(store.nodeFlags.get(node.id)).toBe(safeStore.nodeFlags.get((safe.nodes[i] as MapNode).id));
        }
        expect(store.nodeFlags.size).toBe(safeStore.nodeFlags.size);
      }),
      { numRuns: 200 },
    );
  });
});
