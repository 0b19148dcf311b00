import ElkConstructor, { type ELK } from 'elkjs/lib/elk-api';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { Position } from '../../../shared/model';
import { type LaneLayoutInput, layoutLanes } from './lane-layout';

/** Longest a layout may take before the UI gives up on it (a 1k-node map takes a few seconds). */
const LAYOUT_TIMEOUT_MS = 60_000;

interface Runner {
  readonly elk: ELK;
  /** Rejects when the worker fails (not found, refused by the CSP, crashed); never resolves. */
  readonly failed: Promise<never>;
  readonly fail: (error: Error) => void;
}

let runner: Runner | null = null;

/**
 * One ELK for the app, created on first use. It runs in a classic Web Worker (elkjs's own
 * elk-worker.min.js, emitted as an asset by Vite), so a big map lays out off the main thread.
 */
function getRunner(): Runner {
  if (runner !== null) return runner;
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  // Nobody may be waiting when the worker fails; the next layout sees it through Promise.race.
  failed.catch(() => {});
  const elk = new ElkConstructor({
    workerUrl: elkWorkerUrl,
    workerFactory: (url) => {
      const worker = new Worker(url ?? elkWorkerUrl);
      // elk-api does not listen for worker errors: without this a failed worker hangs the layout.
      worker.addEventListener('error', (event) => {
        fail(new Error(`The layout worker failed: ${event.message || 'it could not be started'}`));
      });
      return worker;
    },
  });
  runner = { elk, failed, fail };
  return runner;
}

/** Drops the worker so the next layout starts a fresh one; layouts still waiting on it fail too. */
function discardRunner(failedRunner: Runner, error: unknown): void {
  if (runner !== failedRunner) return;
  runner = null;
  failedRunner.fail(error instanceof Error ? error : new Error(String(error)));
  failedRunner.elk.terminateWorker();
}

/**
 * Top-left positions for a map in three lanes, Strategy | Operations | Metrics, computed in a
 * Web Worker. Rejects if the worker fails or takes longer than a minute; the map is not touched
 * either way, so the caller can show `layout.failed` and keep the user's positions.
 */
export async function runLaneLayout(input: LaneLayoutInput): Promise<Map<string, Position>> {
  const current = getRunner();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The layout took too long.')), LAYOUT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([layoutLanes(input, current.elk), current.failed, timeout]);
  } catch (error) {
    discardRunner(current, error);
    if (!(error instanceof Error) || !error.message.startsWith('The layout worker failed')) throw error;
    // Where no worker can start (a file:// page in some Electron set-ups, a stricter CSP), lay
    // out on the main thread instead: slower for a big map, but the user still gets the lanes.
    const { default: BundledElk } = await import('elkjs/lib/elk.bundled.js');
    return layoutLanes(input, new BundledElk());
  } finally {
    clearTimeout(timer);
  }
}
