import type { Language } from '../model/language';
import type { Finding, FindingCode, Severity } from './findings';
import { findingMessage, type MessageParams, type NodeRef } from './messages';

/** Shared by every finding that concerns no link; frozen, so nobody can add to it by mistake. */
export const NO_LINKS: readonly string[] = Object.freeze([]);

/**
 * A finding as the validator makes it. Its sentences are written the first time `message` is
 * read, then kept: a large map has tens of thousands of findings, of which a screen shows a few
 * dozen, and writing every one in two languages up front was half the validator's time at 100k
 * nodes. It serialises (JSON, the CLI's --json) with its message like any Finding.
 */
export class MapFinding<C extends FindingCode = FindingCode> implements Finding {
  #params: MessageParams[C];
  #message: Record<Language, string> | undefined;

  constructor(
    readonly code: C,
    readonly severity: Severity,
    readonly nodeIds: readonly string[],
    readonly linkIds: readonly string[],
    params: MessageParams[C],
  ) {
    this.#params = params;
  }

  get message(): Record<Language, string> {
    this.#message ??= findingMessage(this.code, this.#params);
    return this.#message;
  }

  toJSON(): Finding {
    return findingJson(this);
  }
}

/** What a finding about one node needs to know besides the node, per code. */
export interface NodeFindingDetail {
  /** Whether the goal has an outcome metric (goal → metric), which alone is not a path. */
  'goal-without-execution-path': boolean;
  /** Whether some mechanism under the goal has no function set (so it might yet close the loop). */
  'goal-without-closed-loop': boolean;
  'mechanism-serves-no-goal': undefined;
  'mechanism-without-metric': undefined;
  'mechanism-function-unset': undefined;
  'metric-unlinked': undefined;
  'metric-without-target-or-baseline': MessageParams['metric-without-target-or-baseline']['missing'];
  'metric-stale': Omit<MessageParams['metric-stale'], 'metric'>;
  'node-without-owner': undefined;
  'node-empty-title': undefined;
}
export type NodeFindingCode = keyof NodeFindingDetail;

/** The node a finding is about: its id, and what its sentence names it by. */
export type SubjectNode = NodeRef & { readonly id: string };

const NODE_PARAMS: {
  [C in NodeFindingCode]: (node: NodeRef, detail: NodeFindingDetail[C]) => MessageParams[C];
} = {
  'goal-without-execution-path': (goal, hasOutcomeMetric) => ({ goal, hasOutcomeMetric }),
  'goal-without-closed-loop': (goal, someUnset) => ({ goal, someUnset }),
  'mechanism-serves-no-goal': (node) => node,
  'mechanism-without-metric': (node) => node,
  'mechanism-function-unset': (node) => node,
  'metric-unlinked': (node) => node,
  'metric-without-target-or-baseline': (metric, missing) => ({ metric, missing }),
  'metric-stale': (metric, due) => ({ metric, ...due }),
  'node-without-owner': (node) => node,
  'node-empty-title': (node) => node,
};

/**
 * A finding about one node and no link: nine in ten of a large map's findings. It keeps the node
 * and makes its `nodeIds` list only when read; `nodeId` gives the id without one. At 100k nodes the
 * validator makes about 60,000 of these after every edit; with a list each up front they were
 * nearly twice the memory, all of it copied by the garbage collector. The canvas's badges
 * (flagsOfFindings) read `nodeId`; lists are made for the findings a panel or an export shows.
 */
export class NodeFinding<C extends NodeFindingCode = NodeFindingCode> implements Finding {
  #node: SubjectNode;
  #detail: NodeFindingDetail[C];
  #nodeIds: readonly string[] | undefined;
  #message: Record<Language, string> | undefined;

  constructor(
    readonly code: C,
    readonly severity: Severity,
    node: SubjectNode,
    detail: NodeFindingDetail[C],
  ) {
    this.#node = node;
    this.#detail = detail;
  }

  /** The id of the one node this finding is about. */
  get nodeId(): string {
    return this.#node.id;
  }

  get nodeIds(): readonly string[] {
    this.#nodeIds ??= [this.#node.id];
    return this.#nodeIds;
  }

  get linkIds(): readonly string[] {
    return NO_LINKS;
  }

  get message(): Record<Language, string> {
    if (this.#message === undefined) {
      const params = NODE_PARAMS[this.code] as (
        node: NodeRef,
        detail: NodeFindingDetail[C],
      ) => MessageParams[C];
      this.#message = findingMessage(this.code, params(this.#node, this.#detail));
    }
    return this.#message;
  }

  toJSON(): Finding {
    return findingJson(this);
  }
}

/** A finding as plain data, message included: what JSON.stringify writes for either class. */
function findingJson(finding: Finding): Finding {
  return {
    code: finding.code,
    severity: finding.severity,
    nodeIds: finding.nodeIds,
    linkIds: finding.linkIds,
    message: finding.message,
  };
}
