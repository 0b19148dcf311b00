import { createContext, useContext, useEffect, useRef } from 'react';
import { AppCommandMessageSchema, type ShellApi } from '../../../shared/contract/app-commands';
import type { CommandBus, CommandName, CommandPayload } from './command-bus';
import { actionForKey, type KeyContext } from './keymap';

export const CommandBusContext = createContext<CommandBus | null>(null);

export function useCommandBus(): CommandBus {
  const bus = useContext(CommandBusContext);
  if (!bus) throw new Error('useCommandBus needs a CommandBusContext provider');
  return bus;
}

/** Handles a command while the component is mounted (and `enabled`), always with its latest props. */
export function useCommand(
  name: CommandName,
  handler: (payload: CommandPayload) => void,
  enabled = true,
): void {
  const bus = useCommandBus();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!enabled) return;
    return bus.register(name, (payload) => latest.current(payload));
  }, [bus, name, enabled]);
}

/** The element that marks the canvas: keys pressed while focus is inside it are canvas keys. */
export const CANVAS_SCOPE_ATTRIBUTE = 'data-canvas-scope';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

function isOnCanvas(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  if (target === document.body || target === document.documentElement) return true;
  return target.closest(`[${CANVAS_SCOPE_ATTRIBUTE}]`) !== null;
}

/** Turns key presses anywhere in the window into commands, through the one keymap. */
export function useKeyboardShortcuts(bus: CommandBus, selectedNodes: () => number): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const context: KeyContext = {
        inTextField: isTextField(event.target),
        onCanvas: isOnCanvas(event.target),
        selectedNodes: selectedNodes(),
        onButton: event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement,
      };
      const action = actionForKey(event, context);
      if (!action) return;
      const payload = action.seed !== undefined ? { seed: action.seed } : {};
      if (bus.run(action.command, payload)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [bus, selectedNodes]);
}

/** In the desktop app, the native menu's commands arrive here; in a browser there is no shell. */
export function useShellCommands(bus: CommandBus): void {
  useEffect(() => {
    const shell = (globalThis as { throughlineShell?: ShellApi }).throughlineShell;
    if (!shell) return;
    return shell.onAppCommand((raw) => {
      const parsed = AppCommandMessageSchema.safeParse(raw);
      if (!parsed.success) return;
      const { command, path } = parsed.data;
      bus.run(command, path !== undefined ? { path } : {});
    });
  }, [bus]);
}
