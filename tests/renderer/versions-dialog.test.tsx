import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/src/i18n';
import { VersionsDialog } from '../../renderer/src/panels/VersionsDialog';
import { MapStoreContext } from '../../renderer/src/store/context';
import { createMapStore } from '../../renderer/src/store/map-store';
import type { SessionRole } from '../../shared/contract/method-access';
import type { Language } from '../../shared/model/language';

const never = () => new Promise<never>(() => {});
const api = { listVersions: never, saveVersion: never, loadVersion: never, startFromVersion: never };

function dialog(role: SessionRole, language: Language, readOnly = false): string {
  const store = createMapStore();
  store.getState().setReadOnly(readOnly);
  store.getInitialState = store.getState;
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <MapStoreContext.Provider value={store}>
        <VersionsDialog
          api={api}
          mapId="m1"
          role={role}
          flush={async () => {}}
          notify={() => {}}
          onCompare={() => {}}
          onOpen={async () => {}}
          onStarted={() => {}}
          onClose={() => {}}
        />
      </MapStoreContext.Provider>
    </I18nextProvider>,
  );
}

describe('the Versions dialog', () => {
  it('offers to name a version to a window that may save one, in both languages', () => {
    expect(dialog('edit', 'en')).toContain('data-testid="version-label"');
    expect(dialog('edit', 'en')).toContain('Versions of this map');
    expect(dialog('host', 'zh-CN')).toContain('这张地图的版本');
    expect(dialog('host', 'zh-CN')).toContain('保存版本');
  });

  it('only lists versions for a view-only participant: no label, no save', () => {
    for (const html of [dialog('view', 'en'), dialog('edit', 'en', true)]) {
      expect(html).not.toContain('data-testid="version-label"');
      expect(html).not.toContain('data-testid="version-save"');
      expect(html).toContain('Reading the versions…');
    }
  });
});
