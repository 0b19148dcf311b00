import type { KeyboardEvent, ReactNode, RefObject } from 'react';

export interface ModalDialogProps {
  /** From useModalDialog: shown modally while mounted, focus given back when it goes. */
  ref: RefObject<HTMLDialogElement | null>;
  /** Names the dialog: its test id, and the ids `<name>-title` and `<name>-intro` that label and describe it. */
  name: string;
  /** Its own class beside the shared `dialog` frame (its width and contents; dialogs.css has the frame). */
  className?: string;
  /** The id of what labels it, when not `<name>-title`. */
  labelledBy?: string;
  /** Whether `<name>-intro` describes it. */
  described?: boolean;
  /** Escape (the browser's cancel): the dialog decides what it means; it never closes by itself. */
  onCancel: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLDialogElement>) => void;
  children: ReactNode;
}

/** The one frame of the app's modal dialogs: the `<dialog>` element, its labels and its Escape. */
export function ModalDialog({
  ref,
  name,
  className,
  labelledBy,
  described = true,
  onCancel,
  onKeyDown,
  children,
}: ModalDialogProps) {
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-modal="true"
      aria-labelledby={labelledBy ?? `${name}-title`}
      aria-describedby={described ? `${name}-intro` : undefined}
      data-testid={name}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onKeyDown={onKeyDown}
    >
      {children}
    </dialog>
  );
}
