import type { BrowserWindow } from 'electron';
import { dialog } from 'electron';
import type { DocumentDialogs } from '../backend/services/plan-handlers';

const FILTERS = [{ name: 'Throughline plan', extensions: ['throughline'] }];

/** The system's Open and Save As dialogs for `.throughline` files (desktop only). */
export function documentDialogs(parent: () => BrowserWindow | null): DocumentDialogs {
  return {
    async chooseDocumentToOpen() {
      const window = parent();
      const options = { properties: ['openFile' as const], filters: FILTERS };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSaveAsPath(suggestedName) {
      const window = parent();
      const options = { defaultPath: suggestedName, filters: FILTERS };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      return result.filePath.endsWith('.throughline') ? result.filePath : `${result.filePath}.throughline`;
    },
  };
}
