import type { CardStatus } from '../model/card-status';
import type { Language } from '../model/language';
import type { MapLink, MapNode } from '../model/types';
import { planOutline } from '../print/plan-outline';
import { DRAWING_LABELS } from '../render/drawing-labels';
import { LINK_COLOUR, SEVERITY_COLOUR } from '../render/palette';
import type { Finding } from '../validation/findings';
import { goalFocus } from '../validation/goal-focus';
import type { Box, LineShape, SlideElement, SlidePlan, TextShape } from './deck-types';
import { CARD, type NodeCard, nodeCard } from './node-card';
import { FRAME, MUTED, slideHeading, textBlock } from './slide-heading';
import { slideLines } from './slide-text';
import { SLIDE_WORDS } from './slide-words';

/** The three columns of a goal slide (goals, mechanisms, metrics), left edges in points. */
export const GOAL_COLUMNS = [54, 366, 678] as const;
/** Space between two cards of a column. */
const CARD_GAP = 10;
/** Where the columns start (below the heading, the note and the lane words) and end. */
const LANES_TOP = 100;
export const COLUMNS_TOP = 118;
export const COLUMNS_BOTTOM = FRAME.bottom;
/** How far a link between two cards of one column reaches out to their left. */
const BRACKET = 12;

/** What one goal slide holds: the nodes of each column, top to bottom. */
export interface GoalSlideContent {
  goalId: string;
  columns: [string[], string[], string[]];
}

interface Group {
  mechanism: string | null;
  metrics: string[];
  goals: string[];
}

/**
 * Which nodes of a goal's execution path go on which slide: the goal, its sub-goals and
 * mechanisms on the path and the metrics measuring them (goalFocus; everything the goal reaches
 * when it has no path). Mechanisms go in map order (top to bottom) with the metrics they measure
 * beside them; a slide takes mechanisms while every column fits between COLUMNS_TOP and
 * COLUMNS_BOTTOM, then the goal continues on the next slide. Each node of the path is on one slide
 * at least; the goal and the sub-goals leading to a slide's mechanisms are on every slide they lead to.
 */
export function goalSlideContents(
  goalId: string,
  nodes: readonly MapNode[],
  links: readonly MapLink[],
  heightOf: (id: string) => number,
): GoalSlideContent[] {
  const focus = goalFocus(goalId, nodes, links);
  if (!focus) return [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const order = nodes
    .map((n, i) => ({ n, i }))
    .filter(({ n }) => focus.nodeIds.has(n.id))
    .sort((a, b) => a.n.position.y - b.n.position.y || a.n.position.x - b.n.position.x || a.i - b.i)
    .map(({ n }) => n);
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const link of links) {
    if (!focus.linkIds.has(link.id)) continue;
    parents.set(link.target, [...(parents.get(link.target) ?? []), link.source]);
    children.set(link.source, [...(children.get(link.source) ?? []), link.target]);
  }
  const kindOf = (id: string) => byId.get(id)?.kind;
  /** The goals a node is reached from, nearest first, within the path. */
  const goalsAbove = (id: string): string[] => {
    const found: string[] = [];
    const seen = new Set<string>([id]);
    const queue = [id];
    for (let i = 0; i < queue.length; i++) {
      for (const parent of parents.get(queue[i] as string) ?? []) {
        if (seen.has(parent)) continue;
        seen.add(parent);
        queue.push(parent);
        if (kindOf(parent) === 'goal') found.push(parent);
      }
    }
    return found;
  };

  const groups: Group[] = [];
  const placedMetrics = new Set<string>();
  const available = COLUMNS_BOTTOM - COLUMNS_TOP;
  const metricChunks = (metrics: string[]): string[][] => {
    const chunks: string[][] = [[]];
    let used = 0;
    for (const id of metrics) {
      const h = heightOf(id) + CARD_GAP;
      const last = chunks[chunks.length - 1] as string[];
      if (last.length > 0 && used + h > available + CARD_GAP) {
        chunks.push([id]);
        used = h;
      } else {
        last.push(id);
        used += h;
      }
    }
    return chunks;
  };
  for (const node of order) {
    if (node.kind !== 'mechanism') continue;
    const metrics = (children.get(node.id) ?? []).filter(
      (id) => kindOf(id) === 'metric' && !placedMetrics.has(id),
    );
    for (const id of metrics) placedMetrics.add(id);
    for (const chunk of metricChunks(metrics)) {
      groups.push({ mechanism: node.id, metrics: chunk, goals: goalsAbove(node.id) });
    }
  }
  // Outcome metrics (goal → metric) and goals with nothing of their own below them.
  for (const node of order) {
    if (node.kind !== 'metric' || placedMetrics.has(node.id)) continue;
    placedMetrics.add(node.id);
    groups.push({ mechanism: null, metrics: [node.id], goals: goalsAbove(node.id) });
  }
  const inGroups = new Set(groups.flatMap((g) => g.goals));
  for (const node of order) {
    if (node.kind === 'goal' && node.id !== goalId && !inGroups.has(node.id)) {
      groups.push({ mechanism: null, metrics: [], goals: [node.id, ...goalsAbove(node.id)] });
    }
  }

  const columnHeight = (ids: readonly string[]) =>
    ids.reduce((sum, id) => sum + heightOf(id), 0) + Math.max(0, ids.length - 1) * CARD_GAP;
  const rank = new Map(order.map((n, i) => [n.id, i]));
  const byRank = (ids: Iterable<string>) =>
    [...new Set(ids)].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  const slides: GoalSlideContent[] = [];
  let current: Group[] = [];
  const columnsOf = (list: readonly Group[]): [string[], string[], string[]] => [
    byRank([goalId, ...list.flatMap((g) => g.goals)]).sort((a, b) =>
      a === goalId ? -1 : b === goalId ? 1 : 0,
    ),
    list
      .flatMap((g) => (g.mechanism === null ? [] : [g.mechanism]))
      .filter((id, i, all) => all.indexOf(id) === i),
    list.flatMap((g) => g.metrics),
  ];
  for (const group of groups) {
    const trial = columnsOf([...current, group]);
    if (current.length > 0 && trial.some((ids) => columnHeight(ids) > available)) {
      slides.push({ goalId, columns: columnsOf(current) });
      current = [group];
    } else current.push(group);
  }
  slides.push({ goalId, columns: columnsOf(current) });
  return slides;
}

export interface GoalSlideInput {
  nodes: readonly MapNode[];
  links: readonly MapLink[];
  findings: readonly Finding[];
  language: Language;
  statusOf: (id: string) => CardStatus | null;
}

/**
 * One slide per top-level goal (more when its path is long): its execution path as cards in three
 * columns (goals, mechanisms, metrics) joined by arrows, under the goal's title. A goal without an
 * execution path says so in the validator's words, in the error colour.
 */
export function goalSlides(input: GoalSlideInput): SlidePlan[] {
  const { nodes, links, findings, language, statusOf } = input;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const words = SLIDE_WORDS[language];
  const lanes = DRAWING_LABELS[language].lanes;
  const cards = new Map<string, NodeCard>();
  const cardOf = (id: string): NodeCard => {
    let card = cards.get(id);
    if (!card) {
      card = nodeCard(byId.get(id) as MapNode, statusOf(id), language, 0, 0);
      cards.set(id, card);
    }
    return card;
  };
  const noPath = new Map<string, Finding>();
  for (const f of findings) {
    const id = f.nodeIds[0];
    if (f.code === 'goal-without-execution-path' && id !== undefined) noPath.set(id, f);
  }

  const slides: SlidePlan[] = [];
  for (const entry of planOutline(nodes, links).goals) {
    if (entry.depth !== 0) continue;
    const parts = goalSlideContents(entry.goal.id, nodes, links, (id) => cardOf(id).card.box.h);
    const title = entry.goal.title.trim() === '' ? DRAWING_LABELS[language].untitled : entry.goal.title;
    for (const [index, part] of parts.entries()) {
      const heading = words.part(`${entry.number}. ${title}`, index + 1, parts.length);
      const finding = noPath.get(entry.goal.id);
      const note = finding ? finding.message[language] : words.executionPath;
      const noteBlock = textBlock(
        [{ runs: [{ text: note, colour: finding ? SEVERITY_COLOUR.error : MUTED }], size: 9 }],
        FRAME.side,
        FRAME.top + FRAME.headingHeight,
        SLIDE_WIDTH_INNER,
        (p) => slideLines(p.runs.map((r) => r.text).join(''), SLIDE_WIDTH_INNER - 4, p.size).length,
      );
      const laneWords: TextShape[] = (['goal', 'mechanism', 'metric'] as const).map((kind, c) =>
        textBlock(
          [{ runs: [{ text: lanes[kind], colour: MUTED, bold: true }], size: 9 }],
          GOAL_COLUMNS[c] as number,
          Math.max(LANES_TOP, noteBlock.box.y + noteBlock.box.h),
          CARD.width,
          () => 1,
        ),
      );
      slides.push({
        kind: 'goal',
        title: heading,
        elements: [slideHeading(heading), noteBlock, ...laneWords, ...placeColumns(part, cardOf, links)],
      });
    }
  }
  return slides;
}

const SLIDE_WIDTH_INNER = 960 - 2 * FRAME.side;

/** The cards of a slide stacked in their columns, and the arrows of the path between them (drawn first). */
function placeColumns(
  part: GoalSlideContent,
  cardOf: (id: string) => NodeCard,
  links: readonly MapLink[],
): SlideElement[] {
  const placed = new Map<string, Box>();
  const shapes: TextShape[] = [];
  for (const [c, ids] of part.columns.entries()) {
    let y = COLUMNS_TOP;
    for (const id of ids) {
      const { card, chip } = cardOf(id);
      const dx = (GOAL_COLUMNS[c] as number) - card.box.x;
      const dy = y - card.box.y;
      const moved: TextShape = { ...card, box: { ...card.box, x: card.box.x + dx, y: card.box.y + dy } };
      shapes.push(moved);
      if (chip) shapes.push({ ...chip, box: { ...chip.box, x: chip.box.x + dx, y: chip.box.y + dy } });
      placed.set(id, moved.box);
      y += card.box.h + CARD_GAP;
    }
  }
  const lines: LineShape[] = [];
  const kindColumn = (id: string) => part.columns.findIndex((ids) => ids.includes(id));
  const seen = new Set<string>();
  for (const link of links) {
    const from = placed.get(link.source);
    const to = placed.get(link.target);
    if (!from || !to || link.source === link.target || seen.has(`${link.source}>${link.target}`)) continue;
    seen.add(`${link.source}>${link.target}`);
    const sameColumn = kindColumn(link.source) === kindColumn(link.target);
    lines.push(...arrow(from, to, sameColumn, sameColumn ? undefined : link));
  }
  return [...lines, ...shapes];
}

const pick = ({ source, target }: Pick<MapLink, 'source' | 'target'>) => ({ source, target });

/**
 * An arrow between two cards: from the right side of one to the left side of the next column, or,
 * between two cards of one column, a bracket out to their left.
 */
export function arrow(
  from: Box,
  to: Box,
  sameColumn: boolean,
  link?: Pick<MapLink, 'source' | 'target'>,
): LineShape[] {
  const line = (ax: number, ay: number, bx: number, by: number, tip: boolean): LineShape => ({
    type: 'line',
    from: { x: ax, y: ay },
    to: { x: bx, y: by },
    colour: LINK_COLOUR,
    arrow: tip,
    dash: false,
  });
  const fy = from.y + from.h / 2;
  const ty = to.y + to.h / 2;
  if (!sameColumn) {
    const straight = line(from.x + from.w, fy, to.x, ty, true);
    return [link ? { ...straight, link: { ...pick(link), from: 'right', to: 'left' } } : straight];
  }
  const left = Math.min(from.x, to.x) - BRACKET;
  return [line(from.x, fy, left, fy, false), line(left, fy, left, ty, false), line(left, ty, to.x, ty, true)];
}
