import type { NodeIndex } from './node-index';

/*
 * The shape analyseLinks (execution-path.ts) fills in, in a file of its own so that the walks
 * over it (reach.ts) need not import the analysis that calls them.
 */

/** The facts about a map's links that every finding is computed from. All arrays are flat. */
export interface LinkAnalysis {
  /** Node id → index in the node list. When ids repeat, the first node with the id wins. */
  readonly nodeIndex: NodeIndex;
  /** Per node: KIND_CODE of its kind. */
  readonly nodeKind: Uint8Array;
  /** Per link: index of its source node, or -1 when that node is missing. */
  readonly linkSource: Int32Array;
  /** Per link: index of its target node, or -1 when that node is missing. */
  readonly linkTarget: Int32Array;
  /** Per link: LINK_CLASS_CODE of its class. */
  readonly linkClass: Uint8Array;
  /** Per link: index into FORBIDDEN_REASONS (0 unless the link is forbidden). */
  readonly linkReason: Uint8Array;
  /**
   * Per node: the cycle it lies on, i.e. its strongly connected component when that holds more
   * than one node (ids 0..cycleCount-1, numbered as Tarjan finishes them), or -1.
   */
  readonly cycleOf: Int32Array;
  readonly cycleCount: number;
  /**
   * Kind-allowed, non-dangling, non-self links grouped by source node (CSR): the link indices
   * of node v are outLinks[outStart[v] .. outStart[v + 1]), in map order. Includes duplicate and
   * cycle links; check linkClass.
   */
  readonly outStart: Int32Array;
  readonly outLinks: Int32Array;
  /** Usable links grouped by target node (CSR): source node indices of node v's usable in-links. */
  readonly inStart: Int32Array;
  readonly inSource: Int32Array;
  /** Per node: 1 for a mechanism with at least one usable link to a metric. */
  readonly measured: Uint8Array;
  /** Per node: 1 when a usable path through goals and mechanisms reaches a measured mechanism. */
  readonly hasPath: Uint8Array;
}
