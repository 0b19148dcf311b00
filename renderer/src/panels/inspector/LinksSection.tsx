import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { checkKinds } from '../../../../shared/model/link-rules';
import type { MapNode } from '../../../../shared/model/types';
import { describeLinkRefusal } from '../../../../shared/validation/link-messages';
import { useLanguage } from '../../i18n/use-language';
import { useMapStore, useMapStoreApi } from '../../store/context';

interface LinkRow {
  linkId: string;
  nodeId: string;
  title: string;
}

/**
 * The selected node's links, for the keyboard: where it leads and where it is linked from, each
 * with a button that removes the link, and a list of the nodes it may link to, so two nodes that
 * already exist are linked without a drag. The list holds what the kinds allow (no self-link, no
 * second copy); a link that would close a loop is refused when made, with the reason.
 */
export function LinksSection({ plan, readOnly }: { plan: MapNode; readOnly: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const store = useMapStoreApi();
  const ids = useId();
  // Plans and links change on edits, not on drag frames: the section re-renders only then.
  const plans = useMapStore(useShallow((s) => s.nodes.map((n) => n.data.plan)));
  const edges = useMapStore((s) => s.edges);
  const [choice, setChoice] = useState('');
  const [refusal, setRefusal] = useState('');

  // A removed link takes its button away, and a link made disables the Link button: focus would
  // fall to the page. It goes to the next remove button (-1: the list of nodes), once React has
  // drawn the section again; the heading when neither is left.
  const section = useRef<HTMLElement>(null);
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    const at = refocus.current;
    const root = section.current;
    if (at === null || !root) return;
    refocus.current = null;
    const buttons = root.querySelectorAll<HTMLElement>('.inspector__link button');
    const target =
      (at >= 0 ? buttons[Math.min(at, buttons.length - 1)] : undefined) ??
      root.querySelector<HTMLElement>('select') ??
      root.querySelector<HTMLElement>('h3');
    target?.focus();
  });

  const { outgoing, incoming, candidates } = useMemo(() => {
    const byId = new Map(plans.map((p) => [p.id, p]));
    const titleOf = (id: string) => {
      const title = byId.get(id)?.title.trim() ?? '';
      return title === '' ? t('node.untitled') : title;
    };
    const outgoing: LinkRow[] = [];
    const incoming: LinkRow[] = [];
    for (const e of edges) {
      if (e.source === plan.id) outgoing.push({ linkId: e.id, nodeId: e.target, title: titleOf(e.target) });
      if (e.target === plan.id) incoming.push({ linkId: e.id, nodeId: e.source, title: titleOf(e.source) });
    }
    const linked = new Set(outgoing.map((row) => row.nodeId));
    const candidates = plans
      .filter((p) => p.id !== plan.id && !linked.has(p.id) && checkKinds(plan.kind, p.kind).ok)
      .map((p) => ({ id: p.id, label: `${t(`kinds.${p.kind}`)}: ${titleOf(p.id)}` }));
    return { outgoing, incoming, candidates };
  }, [plans, edges, plan.id, plan.kind, t]);

  const link = () => {
    if (!choice) return;
    const verdict = store.getState().connect(plan.id, choice);
    if (verdict.ok) {
      refocus.current = -1;
      setChoice('');
      setRefusal('');
    } else {
      setRefusal(t('canvas.linkRefused', { reason: describeLinkRefusal(verdict.reason, language) }));
    }
  };

  /** One direction's links under its heading, each with its remove button; nothing when none. */
  const linkList = (
    list: LinkRow[],
    heading: 'leadsTo' | 'from',
    label: 'remove' | 'removeFrom',
    testId: string,
  ) =>
    list.length === 0 ? null : (
      <>
        <h4 className="inspector__links-sub">{t(`inspector.links.${heading}`)}</h4>
        <ul className="inspector__link-list" data-testid={testId}>
          {rows(list, label)}
        </ul>
      </>
    );

  const rows = (list: LinkRow[], label: 'remove' | 'removeFrom') =>
    list.map((row) => (
      <li key={row.linkId} className="inspector__link">
        <span className="inspector__link-title">{row.title}</span>
        {readOnly ? null : (
          <button
            type="button"
            className="button button--small"
            aria-label={t(`inspector.links.${label}`, { title: row.title })}
            title={t(`inspector.links.${label}`, { title: row.title })}
            onClick={(e) => {
              const buttons = [...(section.current?.querySelectorAll('.inspector__link button') ?? [])];
              refocus.current = buttons.indexOf(e.currentTarget);
              store.getState().removeLink(row.linkId);
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </li>
    ));

  return (
    <section
      ref={section}
      className="inspector__links"
      aria-labelledby={`${ids}-heading`}
      data-testid="inspector-links"
    >
      <h3 id={`${ids}-heading`} className="inspector__links-heading" tabIndex={-1}>
        {t('inspector.links.heading')}
      </h3>
      {outgoing.length + incoming.length === 0 ? (
        <p className="inspector__links-none">{t('inspector.links.none')}</p>
      ) : null}
      {linkList(outgoing, 'leadsTo', 'remove', 'links-out')}
      {linkList(incoming, 'from', 'removeFrom', 'links-in')}
      {readOnly || candidates.length === 0 ? null : (
        <div className="inspector__link-add">
          <label htmlFor={`${ids}-add`}>{t('inspector.links.add')}</label>
          <div className="inspector__link-add-row">
            <select
              id={`${ids}-add`}
              value={choice}
              data-testid="link-target"
              onChange={(e) => {
                setChoice(e.target.value);
                setRefusal('');
              }}
            >
              <option value="">{t('inspector.links.choose')}</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
            <button type="button" className="button" disabled={!choice} onClick={link} data-testid="link-add">
              {t('inspector.links.link')}
            </button>
          </div>
        </div>
      )}
      <p className="inspector__link-refusal" role="status" data-testid="link-refusal">
        {refusal}
      </p>
    </section>
  );
}
