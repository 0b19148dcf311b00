import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract/api';
import { METHOD_ACCESS, mayCall } from '../../shared/contract/method-access';
import { METHOD_NAMES } from '../../shared/contract/methods';

describe('who may call each contract method', () => {
  it('classifies every method of the contract, and nothing else', () => {
    expect(Object.keys(METHOD_ACCESS).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(contract).sort()).toEqual([...METHOD_NAMES].sort());
    for (const method of METHOD_NAMES)
      expect(['read', 'write', 'host'], method).toContain(METHOD_ACCESS[method]);
  });

  it('lets the host call everything, an editor read and write, an observer only read', () => {
    for (const method of METHOD_NAMES) {
      const access = METHOD_ACCESS[method];
      expect(mayCall('host', method), method).toBe(true);
      expect(mayCall('edit', method), method).toBe(access !== 'host');
      expect(mayCall('view', method), method).toBe(access === 'read');
    }
  });

  it('keeps every method that changes a map or the document away from an observer', () => {
    const writes = [
      'createMap',
      'renameMap',
      'duplicateMap',
      'deleteMap',
      'restoreMap',
      'importMapJson',
      'readCheckinTable',
      'createMapFromTemplate',
      'uploadDocument',
      'openRecentDocument',
      'openLibrary',
      'restoreBackup',
      'startSharing',
      'stopSharing',
      'saveVersion',
      'startFromVersion',
    ] as const;
    for (const method of writes) expect(mayCall('view', method), method).toBe(false);
    // A map's versions: an observer may list and open them, not save one or start a map from one.
    for (const method of ['listVersions', 'loadVersion'] as const)
      expect(mayCall('view', method), method).toBe(true);
    for (const method of ['startSharing', 'stopSharing', 'sharingStatus', 'downloadDocument'] as const) {
      expect(mayCall('edit', method), method).toBe(false);
    }
  });
});
