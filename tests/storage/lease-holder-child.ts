// A second process on a library for the lease tests (tests/services/cross-process-leases.test.ts):
// opens MAP in a window session, renews it every second as a window does, until it is killed.
// Usage: node lease-holder-child.mjs LIBRARY STATE_DIR MAP
import { writeSync } from 'node:fs';
import { openPlanBackend } from '../../electron/backend/services/plan-backend';

const [library, stateDir, mapId] = process.argv.slice(2);
if (!library || !stateDir || !mapId) throw new Error('usage: lease-holder-child LIBRARY STATE_DIR MAP');

const backend = openPlanBackend({ libraryPath: library, stateDir });
const session = { mapId, sessionId: 'child-window' };
const opened = await backend.registry.dispatch('openMapSession', { ...session, takeOver: false });
const readOnly = opened.ok ? (opened.value as { readOnly: boolean }).readOnly : 'failed';
writeSync(1, `opened ${readOnly}\n`);
setInterval(() => {
  void backend.registry.dispatch('keepMapSession', session);
}, 1000);
