import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { MapLink, MapNode } from '../../shared/model';
import type { MapChange } from './write-change';

const made: string[] = [];

/** A fresh temporary folder for one test, removed after it. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-storage-'));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** One node of each kind with every kind-specific field away from its default. */
export function sampleNodes(): MapNode[] {
  return [
    {
      id: 'g1',
      kind: 'goal',
      title: 'Grow recurring revenue',
      description: 'Double ARR in two years',
      owner: 'CEO',
      position: { x: 10.5, y: -20.25 },
      horizon: 'FY2027',
      priority: 'high',
      status: 'active',
    },
    {
      id: 'g2',
      kind: 'goal',
      title: 'Win the mid-market',
      description: '',
      owner: '',
      position: { x: 300, y: 0 },
      horizon: '',
      priority: null,
      status: 'proposed',
    },
    {
      id: 'm1',
      kind: 'mechanism',
      title: 'Weekly pipeline review',
      description: 'Sales and marketing together — 每周',
      owner: 'VP Sales',
      position: { x: 0, y: 200 },
      function: 'sales',
      startDate: '2025-01-06',
      dueDate: '2025-12-19',
      status: 'running',
    },
    {
      id: 'k1',
      kind: 'metric',
      title: 'Net revenue retention',
      description: 'Cohort based',
      owner: 'CFO',
      position: { x: 0, y: 400 },
      unit: '%',
      direction: 'higher',
      baseline: 98.5,
      target: 115,
      current: 101.2,
      dueDate: '2026-06-30',
      cadence: 'monthly',
      source: 'Finance BI',
    },
    {
      id: 'k2',
      kind: 'metric',
      title: 'Churned accounts',
      description: '',
      owner: '',
      position: { x: 250, y: 400 },
      unit: 'accounts',
      direction: 'lower',
      baseline: -3,
      target: 0,
      current: null,
      dueDate: null,
      cadence: null,
      source: '',
    },
  ];
}

export function sampleLinks(): MapLink[] {
  return [
    { id: 'l1', source: 'g1', target: 'g2' },
    { id: 'l2', source: 'g2', target: 'm1' },
    { id: 'l3', source: 'm1', target: 'k1' },
    { id: 'l4', source: 'g1', target: 'k2' },
  ];
}

/** A change with nothing in it, to be filled by the test (see writeChange). */
export function changes(mapId: string, baseRevision: number, patch: Partial<MapChange> = {}): MapChange {
  return {
    mapId,
    baseRevision,
    upsertNodes: [],
    deleteNodeIds: [],
    upsertLinks: [],
    deleteLinkIds: [],
    ...patch,
  };
}
