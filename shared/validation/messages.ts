import type { ForbiddenReason } from '../graph';
import { NODE_KINDS, type NodeKind } from '../model/kinds';
import type { Language } from '../model/language';
import type { FindingCode } from './findings';

/**
 * The sentences of every finding, in every language. Each names its nodes by title in quotes,
 * or as "an untitled goal" / "未命名目标" when the title is empty, and says what to do about it.
 */

/** What a message needs to know about a node to name it. */
export interface NodeRef {
  kind: NodeKind;
  title: string;
}

/**
 * The parameters of each finding's message. A finding about one node and nothing else takes the
 * node itself: on a large map these are tens of thousands, and a wrapper object each would be
 * garbage for nothing.
 */
export interface MessageParams {
  'goal-without-execution-path': { goal: NodeRef; hasOutcomeMetric: boolean };
  /** `someUnset`: a mechanism under the goal has no function set, so the loop is not known to close. */
  'goal-without-closed-loop': { goal: NodeRef; someUnset: boolean };
  'mechanism-serves-no-goal': NodeRef;
  'mechanism-without-metric': NodeRef;
  'mechanism-function-unset': NodeRef;
  'metric-unlinked': NodeRef;
  'metric-without-target-or-baseline': { metric: NodeRef; missing: 'target' | 'baseline' | 'both' };
  /** `lastDate`: the day of its latest check-in; `daysOverdue`: days since the next was due. */
  'metric-stale': { metric: NodeRef; lastDate: string; daysOverdue: number };
  'node-without-owner': NodeRef;
  'node-empty-title': NodeRef;
  'link-forbidden': { source: NodeRef; target: NodeRef; reason: ForbiddenReason };
  /** An end is null when its node is missing; its id is then named instead. */
  'link-dangling': { source: NodeRef | null; target: NodeRef | null; sourceId: string; targetId: string };
  'link-duplicate': { source: NodeRef; target: NodeRef };
  /** `nodes` may be the first few of the loop; `total` is how many nodes it has. */
  'link-cycle': { nodes: NodeRef[]; total: number };
}

export type MessageTable = { [C in FindingCode]: (params: MessageParams[C]) => string };

/** At most this many nodes are named in a cycle message; the rest are counted. */
export const CYCLE_NAMES_SHOWN = 5;

/**
 * A sentence that names one node: `before` + the node's label + `after`. The constant parts are
 * joined once, when this module loads, so a titled node costs two string concatenations and an
 * untitled one none: on a large map the validator writes tens of thousands of these.
 */
type Phrase = (node: NodeRef) => string;

function phrase(
  before: string,
  after: string,
  titled: (kind: NodeKind) => [open: string, close: string],
  untitled: (kind: NodeKind) => string,
): Phrase {
  const open = {} as Record<NodeKind, string>;
  const bare = {} as Record<NodeKind, string>;
  let close = '';
  for (const kind of NODE_KINDS) {
    const [start, end] = titled(kind);
    open[kind] = before + start;
    close = end + after;
    bare[kind] = before + untitled(kind) + after;
  }
  return (node) => {
    const title = node.title.trim();
    return title === '' ? bare[node.kind] : open[node.kind] + title + close;
  };
}

// ---------------------------------------------------------------------------------------------
// English

const EN_KIND: Record<NodeKind, string> = { goal: 'goal', mechanism: 'mechanism', metric: 'metric' };

/** `before` + "the goal "Grow revenue"" (or "an untitled goal") + `after`. */
const en = (before: string, after: string): Phrase =>
  phrase(
    before,
    after,
    (kind) => [`the ${EN_KIND[kind]} "`, '"'],
    (kind) => `an untitled ${EN_KIND[kind]}`,
  );
/** The same at the start of a sentence: "The goal "Grow revenue"" or "An untitled goal". */
const En = (after: string): Phrase =>
  phrase(
    '',
    after,
    (kind) => [`The ${EN_KIND[kind]} "`, '"'],
    (kind) => `An untitled ${EN_KIND[kind]}`,
  );

/** A label on its own, for sentences that name two nodes (rare: only link findings). */
const enLabel = en('', '');
const EnLabel = En('');

/** Just the title in quotes, or "untitled goal", for lists. */
function enShort(node: NodeRef): string {
  const title = node.title.trim();
  return title === '' ? `untitled ${EN_KIND[node.kind]}` : `"${title}"`;
}

const EN_FORBIDDEN: Record<Exclude<ForbiddenReason, 'self-link'>, string> = {
  'into-goal':
    'only a goal can point to a goal; links run from goals down to mechanisms and metrics, never back up',
  'out-of-metric': 'a metric cannot point to anything; links end at metrics',
};

const EN_NO_PATH = En(
  ' has no execution path: no mechanism under it is measured by a metric. Link it to a mechanism and give that mechanism a metric.',
);
const EN_NO_PATH_OUTCOME_ONLY = En(
  ' has no execution path: it has an outcome metric, but no mechanism that carries it out and is measured. Link it to a mechanism and give that mechanism a metric.',
);
const EN_NO_CLOSED_LOOP = en(
  'All the mechanisms under ',
  ' are marketing (bringing people in); nothing converts or keeps them. Add an operations, sales or product mechanism to close the loop.',
);
const EN_NO_CLOSED_LOOP_UNSET = en(
  'No mechanism under ',
  ' is known to convert or keep customers: each is marketing or has no function set. Set their functions, or add an operations, sales or product mechanism to close the loop.',
);
const EN_FUNCTION_UNSET = En(
  ' has no function set, so nobody can tell whether it brings people in or converts and keeps them. Choose its function: operations, marketing, sales, product or other.',
);
const EN_SERVES_NO_GOAL = En(
  ' serves no goal: no goal leads to it. Link a goal to it, or remove it if it is busy work.',
);
const EN_NO_METRIC = En(' has no metric, so nobody can tell whether it works. Link it to a metric.');
const EN_UNLINKED = En(' is not linked to anything. Link the mechanism or goal it measures to it.');
const EN_NO_BASELINE_TARGET = {
  both: En(
    ' has neither a baseline nor a target, so progress cannot be measured. Fill in the missing values.',
  ),
  target: En(' has no target, so progress cannot be measured. Fill in the missing value.'),
  baseline: En(' has no baseline, so progress cannot be measured. Fill in the missing value.'),
};
const EN_NO_OWNER = En(' has no owner. Name the person responsible for it.');
const EN_SELF_LINK = En(' is linked to itself; a node cannot point to itself. Remove the link.');

export const MESSAGES_EN: MessageTable = {
  'goal-without-execution-path': ({ goal, hasOutcomeMetric }) =>
    hasOutcomeMetric ? EN_NO_PATH_OUTCOME_ONLY(goal) : EN_NO_PATH(goal),
  'goal-without-closed-loop': ({ goal, someUnset }) =>
    someUnset ? EN_NO_CLOSED_LOOP_UNSET(goal) : EN_NO_CLOSED_LOOP(goal),
  'mechanism-serves-no-goal': EN_SERVES_NO_GOAL,
  'mechanism-without-metric': EN_NO_METRIC,
  'mechanism-function-unset': EN_FUNCTION_UNSET,
  'metric-unlinked': EN_UNLINKED,
  'metric-without-target-or-baseline': ({ metric, missing }) => EN_NO_BASELINE_TARGET[missing](metric),
  'metric-stale': ({ metric, lastDate, daysOverdue }) =>
    `${enLabel(metric)} is stale: its latest number is from ${lastDate}, and the next is ${daysOverdue} ${daysOverdue === 1 ? 'day' : 'days'} overdue. Enter its latest value, or change its cadence.`,
  'node-without-owner': EN_NO_OWNER,
  'node-empty-title': (node) =>
    `A ${EN_KIND[node.kind]} has no title. Give it a short name so everyone can refer to it.`,
  'link-forbidden': ({ source, target, reason }) =>
    reason === 'self-link'
      ? EN_SELF_LINK(source)
      : `The link from ${enLabel(source)} to ${enLabel(target)} is not allowed: ${EN_FORBIDDEN[reason]}. Remove it or draw it the other way round.`,
  'link-dangling': ({ source, target, sourceId, targetId }) => {
    if (source && !target) {
      return `The link from ${enLabel(source)} points to a node that does not exist (id "${targetId}"). Remove the link or restore the node.`;
    }
    if (!source && target) {
      return `The link into ${enLabel(target)} comes from a node that does not exist (id "${sourceId}"). Remove the link or restore the node.`;
    }
    return `A link connects two nodes that do not exist (ids "${sourceId}" and "${targetId}"). Remove the link.`;
  },
  'link-duplicate': ({ source, target }) =>
    `${EnLabel(source)} is linked to ${enLabel(target)} more than once. Remove the extra link.`,
  'link-cycle': ({ nodes, total }) => {
    const names = nodes.map(enShort).join(', ');
    const more = total > nodes.length ? ` and ${total - nodes.length} more` : '';
    return `These nodes form a loop: ${names}${more}. Links must run one way, from strategy towards measurement; remove one of the links in the loop.`;
  },
};

// ---------------------------------------------------------------------------------------------
// Simplified Chinese

const ZH_KIND: Record<NodeKind, string> = { goal: '目标', mechanism: '运营机制', metric: '指标' };

/** `before` + "目标“提升营收”" (or "未命名目标") + `after`. */
const zh = (before: string, after: string): Phrase =>
  phrase(
    before,
    after,
    (kind) => [`${ZH_KIND[kind]}“`, '”'],
    (kind) => `未命名${ZH_KIND[kind]}`,
  );

const zhLabel = zh('', '');

/** Just the title in quotes, or "未命名目标", for lists. */
function zhShort(node: NodeRef): string {
  const title = node.title.trim();
  return title === '' ? `未命名${ZH_KIND[node.kind]}` : `“${title}”`;
}

const ZH_FORBIDDEN: Record<Exclude<ForbiddenReason, 'self-link'>, string> = {
  'into-goal': '只有目标可以指向目标；连线只能从目标指向运营机制和指标，不能反向',
  'out-of-metric': '指标不能指向任何节点，连线到指标为止',
};

const ZH_NO_PATH = zh(
  '',
  '没有执行路径：它下面没有任何有指标衡量的运营机制。请把它连到一个运营机制，并为该机制设置指标。',
);
const ZH_NO_PATH_OUTCOME_ONLY = zh(
  '',
  '没有执行路径：它只有结果指标，没有执行它并且有指标衡量的运营机制。请把它连到一个运营机制，并为该机制设置指标。',
);
const ZH_NO_CLOSED_LOOP = zh(
  '',
  '下的运营机制全部是市场营销（获客），没有机制去转化或留存带来的客户。请补充运营、销售或产品类机制，形成闭环。',
);
const ZH_NO_CLOSED_LOOP_UNSET = zh(
  '',
  '下没有任何已知能转化或留存客户的运营机制：每个机制要么是市场营销，要么还没有设置职能。请设置它们的职能，或补充运营、销售或产品类机制，形成闭环。',
);
const ZH_FUNCTION_UNSET = zh(
  '',
  '没有设置职能，无法判断它是在获客，还是在转化和留存客户。请选择它的职能：运营、市场、销售、产品或其他。',
);
const ZH_SERVES_NO_GOAL = zh(
  '',
  '没有服务任何目标：没有目标连到它。请从某个目标连到它；如果它只是无效忙碌，可以删除。',
);
const ZH_NO_METRIC = zh('', '没有指标，无法判断它是否有效。请把它连到一个指标。');
const ZH_UNLINKED = zh('', '没有与任何节点相连。请从它所衡量的运营机制或目标连到它。');
const ZH_NO_BASELINE_TARGET = {
  both: zh('', '既没有基线值也没有目标值，无法衡量进展。请补填缺少的数值。'),
  target: zh('', '没有目标值，无法衡量进展。请补填缺少的数值。'),
  baseline: zh('', '没有基线值，无法衡量进展。请补填缺少的数值。'),
};
const ZH_NO_OWNER = zh('', '没有负责人。请写上对它负责的人。');
const ZH_SELF_LINK = zh('', '连向了自己；节点不能指向自身。请删除这条连线。');

export const MESSAGES_ZH_CN: MessageTable = {
  'goal-without-execution-path': ({ goal, hasOutcomeMetric }) =>
    hasOutcomeMetric ? ZH_NO_PATH_OUTCOME_ONLY(goal) : ZH_NO_PATH(goal),
  'goal-without-closed-loop': ({ goal, someUnset }) =>
    someUnset ? ZH_NO_CLOSED_LOOP_UNSET(goal) : ZH_NO_CLOSED_LOOP(goal),
  'mechanism-serves-no-goal': ZH_SERVES_NO_GOAL,
  'mechanism-without-metric': ZH_NO_METRIC,
  'mechanism-function-unset': ZH_FUNCTION_UNSET,
  'metric-unlinked': ZH_UNLINKED,
  'metric-without-target-or-baseline': ({ metric, missing }) => ZH_NO_BASELINE_TARGET[missing](metric),
  'metric-stale': ({ metric, lastDate, daysOverdue }) =>
    `${zhLabel(metric)}的数值已过期：最近一次数值是 ${lastDate} 的，下一次已逾期 ${daysOverdue} 天。请录入最新数值，或调整它的更新频率。`,
  'node-without-owner': ZH_NO_OWNER,
  'node-empty-title': (node) => `有一个${ZH_KIND[node.kind]}没有标题。请给它起一个简短的名称，方便大家指认。`,
  'link-forbidden': ({ source, target, reason }) =>
    reason === 'self-link'
      ? ZH_SELF_LINK(source)
      : `从${zhLabel(source)}到${zhLabel(target)}的连线不允许：${ZH_FORBIDDEN[reason]}。请删除它，或按相反方向重新连线。`,
  'link-dangling': ({ source, target, sourceId, targetId }) => {
    if (source && !target) {
      return `从${zhLabel(source)}出发的连线指向一个不存在的节点（id “${targetId}”）。请删除这条连线或恢复该节点。`;
    }
    if (!source && target) {
      return `连到${zhLabel(target)}的连线来自一个不存在的节点（id “${sourceId}”）。请删除这条连线或恢复该节点。`;
    }
    return `有一条连线两端的节点都不存在（id “${sourceId}” 和 “${targetId}”）。请删除这条连线。`;
  },
  'link-duplicate': ({ source, target }) =>
    `从${zhLabel(source)}到${zhLabel(target)}的连线重复了。请删除多余的连线。`,
  'link-cycle': ({ nodes, total }) => {
    const names = nodes.map(zhShort).join('、');
    const more = total > nodes.length ? ` 等 ${total} 个节点` : '';
    return `以下节点形成了循环：${names}${more}。连线必须单向，从战略指向衡量；请删除循环中的一条连线。`;
  },
};

export const MESSAGES: Readonly<Record<Language, MessageTable>> = {
  en: MESSAGES_EN,
  'zh-CN': MESSAGES_ZH_CN,
};

/** A finding's sentence in every supported language. */
export function findingMessage<C extends FindingCode>(
  code: C,
  params: MessageParams[C],
): Record<Language, string> {
  return {
    en: (MESSAGES_EN[code] as (p: MessageParams[C]) => string)(params),
    'zh-CN': (MESSAGES_ZH_CN[code] as (p: MessageParams[C]) => string)(params),
  };
}
