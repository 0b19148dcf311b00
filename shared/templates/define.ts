import type {
  GoalPriority,
  GoalStatus,
  MechanismFunction,
  MechanismStatus,
  MetricCadence,
  MetricDirection,
} from '../model/kinds';
import type { Language } from '../model/language';
import type { TemplateId } from './ids';

/** Text in every language the app speaks. */
export type Localized = Readonly<Record<Language, string>>;

/** Text written in both languages: `tr('Owner', '负责人')`. */
export const tr = (en: string, zhCN: string): Localized => ({ en, 'zh-CN': zhCN });

/** What every node of a template carries, each text in both languages. */
interface NodeSpecBase {
  id: string;
  title: Localized;
  description: Localized;
  owner: Localized;
}

export interface GoalSpec extends NodeSpecBase {
  kind: 'goal';
  horizon: Localized;
  priority: GoalPriority | null;
  status: GoalStatus;
}

export interface MechanismSpec extends NodeSpecBase {
  kind: 'mechanism';
  function: MechanismFunction;
  startDate: string | null;
  dueDate: string | null;
  status: MechanismStatus;
}

export interface MetricSpec extends NodeSpecBase {
  kind: 'metric';
  /** A plain string reads the same in both languages ("%"). */
  unit: Localized | string;
  direction: MetricDirection;
  baseline: number;
  target: number;
  current: number | null;
  dueDate: string | null;
  cadence: MetricCadence;
  source: Localized;
}

export type NodeSpec = GoalSpec | MechanismSpec | MetricSpec;

/** A built-in template: bilingual content with no positions (lane-positions.ts lays it out). */
export interface TemplateDefinition {
  id: TemplateId;
  name: Localized;
  /** One line for the picker: what the template is about. */
  summary: Localized;
  nodes: readonly NodeSpec[];
  /**
   * Links as [source, target], from strategy towards measurement. A node's first link in this
   * list decides which parent it is laid out next to.
   */
  links: readonly (readonly [source: string, target: string])[];
}

/** A goal: `goal({ id, title, description, owner, horizon, priority, status })`. */
export const goal = (spec: Omit<GoalSpec, 'kind'>): GoalSpec => ({ kind: 'goal', ...spec });

/** An operating mechanism. */
export const mechanism = (spec: Omit<MechanismSpec, 'kind'>): MechanismSpec => ({
  kind: 'mechanism',
  ...spec,
});

/** A metric. */
export const metric = (spec: Omit<MetricSpec, 'kind'>): MetricSpec => ({ kind: 'metric', ...spec });
