import { type RefObject, useEffect, useRef } from 'react';

/**
 * A `<dialog>` shown modally for as long as the component is mounted: the browser then traps
 * focus in it, makes the rest of the page inert and closes it with Escape (the `cancel` event).
 * `onShown` runs right after it opens, e.g. to put focus on the first choice.
 *
 * When it goes, focus goes back to what had it before it opened. The browser would do that itself
 * on `close()`, but React removes the element first, and a removed dialog leaves focus on the body.
 * Whoever closed the dialog may still move focus on (its own effects run after this one); focus
 * already put somewhere else outside the dialog is left alone.
 */
export function useModalDialog(onShown?: () => void): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  const shown = useRef(onShown);
  shown.current = onShown;
  useEffect(() => {
    const element = dialog.current;
    const before = document.activeElement;
    if (element && !element.open) element.showModal();
    shown.current?.();
    return () => {
      element?.close();
      const now = document.activeElement;
      const lost = !now || now === document.body || (element?.contains(now) ?? false);
      if (lost && before instanceof HTMLElement && before !== document.body && before.isConnected)
        before.focus({ preventScroll: true });
    };
  }, []);
  return dialog;
}
