import { type CardStatus, cardStatuses, cardStatusText } from '../../../shared/model/card-status';
import type { Language } from '../../../shared/model/language';
import { localToday } from '../../../shared/model/local-today';
import type { ProgressStatus } from '../../../shared/model/metric-progress';
import { useLanguage } from '../i18n/use-language';
import { useMapStore } from '../store/context';
import type { MapState } from '../store/map-store';
import { linkOf } from '../store/plan-flow';

type Lookup = (id: string) => CardStatus | null;

/**
 * The card statuses of the open map, made again only when its content changes (the store replaces
 * `findings` on every change of content and `edges` on every change of links, neither while a node
 * is dragged or selected) or the day turns. Statuses are computed per node on demand.
 */
let lastFindings: MapState['findings'] | null = null;
let lastEdges: MapState['edges'] | null = null;
let lastCount = -1;
let lastToday = '';
let lookup: Lookup = () => null;
/** The chips already worded for this lookup, by language and node id. */
const chips = new Map<string, string>();

function lookupOf(state: MapState): Lookup {
  const today = localToday();
  if (
    state.findings !== lastFindings ||
    state.edges !== lastEdges ||
    state.nodes.length !== lastCount ||
    today !== lastToday
  ) {
    lastFindings = state.findings;
    lastEdges = state.edges;
    lastCount = state.nodes.length;
    lastToday = today;
    chips.clear();
    lookup = cardStatuses(
      state.nodes.map((n) => n.data.plan),
      state.edges.map(linkOf),
      today,
    );
  }
  return lookup;
}

/**
 * What a node's chip shows, as one string, so a node re-renders only when its chip changes, not
 * on every edit elsewhere in the map.
 */
function chipOf(card: CardStatus | null, language: Language): string {
  if (!card) return '';
  const text = cardStatusText(card, language);
  return JSON.stringify([card.status, text.glyph, text.word, text.detail, text.full]);
}

/**
 * On a metric card, its latest value against its target in its status colour; on a goal card,
 * the roll-up of the metrics it reaches: what the room looks at, the same rule as the inspector.
 */
export function CardStatusBadge({ id }: { id: string }) {
  const language = useLanguage();
  const chip = useMapStore((s) => {
    const statusOf = lookupOf(s);
    const key = `${language} ${id}`;
    let worded = chips.get(key);
    if (worded === undefined) {
      worded = chipOf(statusOf(id), language);
      chips.set(key, worded);
    }
    return worded;
  });
  if (chip === '') return null;
  const [status, glyph, word, detail, full] = JSON.parse(chip) as [
    ProgressStatus,
    string,
    string,
    string,
    string,
  ];
  return (
    <div
      className={`card-status card-status--${status}${detail ? ' card-status--figures' : ''}`}
      data-testid="card-status"
      data-status={status}
      title={full}
    >
      <span className="card-status__glyph" aria-hidden="true">
        {glyph}
      </span>
      <span className="card-status__word">{word}</span>
      {detail ? <span className="card-status__detail">{detail}</span> : null}
    </div>
  );
}
