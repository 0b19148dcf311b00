import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchNodes } from '../canvas/search-nodes';
import { useMapStore, useMapStoreApi } from '../store/context';
import { nodeSize, type PlanFlowNode } from '../store/plan-flow';

/**
 * Ctrl/Cmd+F: finds nodes by title, owner or description, outlining every match as it is typed.
 * Enter goes to the next match (Shift+Enter the previous), selecting and centring it; Escape
 * closes and leaves the match selected.
 */
export function SearchBar({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const store = useMapStoreApi();
  const flow = useReactFlow<PlanFlowNode>();
  const nodes = useMapStore((s) => s.nodes);
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const plans = useMemo(() => nodes.map((n) => n.data.plan), [nodes]);
  const matches = useMemo(() => searchNodes(plans, query), [plans, query]);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  // Every match is outlined on the canvas as it is typed, as a browser's find does; the outline
  // goes with the search.
  useEffect(() => {
    store.getState().setSearchHits(query.trim() === '' ? [] : matches);
  }, [store, query, matches]);
  useEffect(() => () => store.getState().setSearchHits([]), [store]);

  const go = (index: number) => {
    if (matches.length === 0) return;
    const wrapped = (index + matches.length) % matches.length;
    setAt(wrapped);
    const id = matches[wrapped] as string;
    store.getState().selectOnly(id);
    const node = flow.getNode(id);
    if (!node) return;
    const { width, height } = nodeSize(node);
    void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, {
      zoom: Math.max(flow.getZoom(), 0.9),
      duration: 200,
    });
  };

  const status =
    query.trim() === ''
      ? ''
      : matches.length === 0
        ? t('search.none')
        : t('search.count', { at: Math.min(at, matches.length - 1) + 1, count: matches.length });

  return (
    <search className="search-bar" data-testid="search-bar">
      <label className="visually-hidden" htmlFor="search-input">
        {t('search.label')}
      </label>
      <input
        id="search-input"
        ref={input}
        type="search"
        value={query}
        placeholder={t('search.placeholder')}
        data-testid="search-input"
        onChange={(e) => {
          setQuery(e.target.value);
          setAt(0);
        }}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing || e.keyCode === 229) return;
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? at - 1 : matches[at] === store.getState().selectedId() ? at + 1 : at);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      <span className="search-bar__status" aria-live="polite" data-testid="search-status">
        {status}
      </span>
      <button
        type="button"
        className="button button--small"
        onClick={() => go(at - 1)}
        disabled={!matches.length}
      >
        <span aria-hidden="true">↑</span>
        <span className="visually-hidden">{t('search.previous')}</span>
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => go(at + 1)}
        disabled={!matches.length}
      >
        <span aria-hidden="true">↓</span>
        <span className="visually-hidden">{t('search.next')}</span>
      </button>
      <button type="button" className="button button--small" onClick={onClose}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">{t('search.close')}</span>
      </button>
    </search>
  );
}
