import { type KeyboardEvent, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/model/language';
import { TEMPLATES, type TemplateId } from '../../../shared/templates';
import { useLanguage } from '../i18n/use-language';
import { ModalDialog } from './ModalDialog';
import { useModalDialog } from './use-modal-dialog';

export interface TemplatePickerProps {
  /** Creates a map from the template in the given language and opens it; rejects with the reason. */
  onCreate(templateId: TemplateId, language: Language): Promise<void>;
  /** The picker is done: `created` is false when the user cancelled. */
  onClose(created: boolean): void;
}

const optionId = (id: TemplateId) => `template-option-${id}`;

/**
 * "New map from a template": a modal dialog listing every template's name and one-line description
 * in the UI language. Arrow keys, Home and End choose, Enter or double-click creates, Escape closes;
 * focus starts on the first template and stays inside the dialog.
 */
export function TemplatePicker({ onCreate, onClose }: TemplatePickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dialog = useModalDialog(() => options.current[0]?.focus());
  const options = useRef<(HTMLDivElement | null)[]>([]);
  const [index, setIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = useCallback(
    async (at: number) => {
      const template = TEMPLATES[at];
      if (!template || busy) return;
      setBusy(true);
      setError(null);
      try {
        await onCreate(template.id, language);
        onClose(true);
      } catch (reason) {
        setError(t('templates.failed', { message: (reason as Error).message }));
        setBusy(false);
        // The Create button was disabled while it worked, which took focus from it: give it to the
        // chosen template, where Enter tries again.
        options.current[at]?.focus();
      }
    },
    [busy, language, onClose, onCreate, t],
  );

  // The chosen option holds the focus (a roving tab stop), so the list is one Tab stop.
  const choose = (at: number) => {
    setIndex(at);
    const option = options.current[at];
    option?.focus();
    option?.scrollIntoView({ block: 'nearest' });
  };

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = TEMPLATES.length - 1;
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = Math.min(index + 1, last);
    else if (e.key === 'ArrowUp') next = Math.max(index - 1, 0);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = last;
    else if (e.key === 'Enter') void create(index);
    else return;
    if (next !== null) choose(next);
    e.preventDefault();
    e.stopPropagation();
  };

  // Escape closes; Tab and Shift+Tab go round the dialog's own controls.
  const onDialogKey = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose(false);
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const focusable = [
      ...dialog.current.querySelectorAll<HTMLElement>('[tabindex="0"], button:not(:disabled)'),
    ];
    const first = focusable[0];
    const final = focusable[focusable.length - 1];
    if (!first || !final) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      final.focus();
    } else if (!e.shiftKey && document.activeElement === final) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <ModalDialog ref={dialog} name="template-picker" onKeyDown={onDialogKey} onCancel={() => onClose(false)}>
      <header className="dialog__header">
        <h2 id="template-picker-title" className="dialog__title">
          {t('templates.title')}
        </h2>
        <p id="template-picker-intro" className="dialog__intro">
          {t('templates.intro')}
        </p>
      </header>
      <div
        className="dialog__choices"
        role="listbox"
        aria-label={t('templates.listLabel')}
        data-testid="template-list"
      >
        {TEMPLATES.map((template, i) => (
          <div
            key={template.id}
            ref={(element) => {
              options.current[i] = element;
            }}
            id={optionId(template.id)}
            role="option"
            tabIndex={i === index ? 0 : -1}
            aria-selected={i === index}
            className={`dialog__choice${i === index ? ' is-selected' : ''}`}
            data-testid="template-option"
            data-template-id={template.id}
            onClick={() => setIndex(i)}
            onKeyDown={onListKey}
            onDoubleClick={() => {
              setIndex(i);
              void create(i);
            }}
          >
            <span className="dialog__choice-name">{template.name[language]}</span>
            <span className="dialog__choice-summary">{template.summary[language]}</span>
            <span className="dialog__choice-meta">
              {t('templates.nodes', { count: template.nodes.length })}
            </span>
          </div>
        ))}
      </div>
      {error ? (
        <p className="dialog__error" role="alert">
          {error}
        </p>
      ) : null}
      <footer className="dialog__actions">
        <button type="button" className="button" onClick={() => onClose(false)}>
          {t('templates.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void create(index)}
          data-testid="template-create"
        >
          {busy ? t('templates.creating') : t('templates.create')}
        </button>
      </footer>
    </ModalDialog>
  );
}
