import type { Language } from '../model/language';
import type { MapContent, MapLink, MapNode, Position } from '../model/types';
import type { Localized, NodeSpec, TemplateDefinition } from './define';
import { lanePositions } from './lane-positions';

/** A template's nodes and links in one language, laid out in lanes, ready to become a map. */
export function buildContent(template: TemplateDefinition, language: Language): MapContent {
  const positions = lanePositions(
    template.nodes,
    template.links.map(([source, target]) => ({ source, target })),
  );
  const nodes = template.nodes.map((spec) =>
    localizeNode(spec, language, positions.get(spec.id) ?? { x: 0, y: 0 }),
  );
  const links: MapLink[] = template.links.map(([source, target], i) => ({ id: `l${i + 1}`, source, target }));
  return { nodes, links };
}

const text = (value: Localized | string, language: Language): string =>
  typeof value === 'string' ? value : value[language];

function localizeNode(spec: NodeSpec, language: Language, position: Position): MapNode {
  const base = {
    id: spec.id,
    title: spec.title[language],
    description: spec.description[language],
    owner: spec.owner[language],
    position: { ...position },
  };
  switch (spec.kind) {
    case 'goal':
      return {
        ...base,
        kind: 'goal',
        horizon: spec.horizon[language],
        priority: spec.priority,
        status: spec.status,
      };
    case 'mechanism':
      return {
        ...base,
        kind: 'mechanism',
        function: spec.function,
        startDate: spec.startDate,
        dueDate: spec.dueDate,
        status: spec.status,
      };
    case 'metric':
      return {
        ...base,
        kind: 'metric',
        unit: text(spec.unit, language),
        direction: spec.direction,
        baseline: spec.baseline,
        target: spec.target,
        current: spec.current,
        dueDate: spec.dueDate,
        cadence: spec.cadence,
        source: spec.source[language],
      };
  }
}
