import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLibraryPath, openLibrary } from '../../electron/backend/storage/library';
import { MapRepository } from '../../electron/backend/storage/map-repository';
import { tempDir } from './helpers';

describe('library', () => {
  it('lives in the user-data folder', () => {
    expect(defaultLibraryPath('/home/ada/.config/Throughline')).toBe(
      join('/home/ada/.config/Throughline', 'library.throughline'),
    );
  });

  it('is created on first run and reopened, with its maps, afterwards', () => {
    const userData = join(tempDir(), 'Throughline');
    const first = new MapRepository(openLibrary(userData));
    expect(existsSync(defaultLibraryPath(userData))).toBe(true);
    expect(first.listMaps()).toEqual([]);
    const map = first.createMap('My first map');
    first.close();

    const again = new MapRepository(openLibrary(userData));
    expect(again.document.backupPath).toBeNull();
    expect(again.listMaps()).toEqual([map]);
    again.close();
  });
});
