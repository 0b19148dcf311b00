import type { AppCommand } from '../../../shared/contract/app-commands';

/** Actions of the canvas that only the keyboard triggers (they have no menu item). */
export const CANVAS_ACTIONS = [
  'add-child',
  'add-sub-goal',
  'add-sibling',
  'add-goal',
  'cycle-function',
  'rename',
  'move-left',
  'move-right',
  'move-up',
  'move-down',
  'clear-selection',
  'toggle-filters',
] as const;
export type CanvasAction = (typeof CANVAS_ACTIONS)[number];

export type CommandName = AppCommand | CanvasAction;
/** What a command may carry: the file of `open-recent`, the typed text that starts a `rename`. */
export interface CommandPayload {
  path?: string;
  seed?: string;
}
export type CommandHandler = (payload: CommandPayload) => void;

/**
 * Routes a command to whoever handles it now: the toolbar, the keyboard and the desktop menu all
 * call `run`, so a command behaves the same whichever way it was given. The component that owns
 * the behaviour registers the handler; the last registration wins and unregistering restores none.
 */
export class CommandBus {
  private readonly handlers = new Map<CommandName, CommandHandler>();

  register(name: CommandName, handler: CommandHandler): () => void {
    this.handlers.set(name, handler);
    return () => {
      if (this.handlers.get(name) === handler) this.handlers.delete(name);
    };
  }

  /** Runs the command; false when nothing handles it right now (e.g. no map open). */
  run(name: CommandName, payload: CommandPayload = {}): boolean {
    const handler = this.handlers.get(name);
    if (!handler) return false;
    handler(payload);
    return true;
  }

  has(name: CommandName): boolean {
    return this.handlers.has(name);
  }
}
