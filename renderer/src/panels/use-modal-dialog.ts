import { type RefObject, useEffect, useRef } from 'react';

/**
 * A `<dialog>` shown modally for as long as the component is mounted: the browser then traps
 * focus in it, makes the rest of the page inert and closes it with Escape (the `cancel` event).
 * `onShown` runs right after it opens, e.g. to put focus on the first choice.
 */
export function useModalDialog(onShown?: () => void): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  const shown = useRef(onShown);
  shown.current = onShown;
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    shown.current?.();
    return () => element?.close();
  }, []);
  return dialog;
}
