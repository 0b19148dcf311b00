import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeReport,
  type GateReport,
  gate,
  type ScanResult,
  type Suppression,
  suppressionsIn,
} from './electronegativity-gate';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = join(ROOT, 'electron');
const RUNNER = fileURLToPath(new URL('./run-electronegativity.ts', import.meta.url));

/** A main process with the classic mistakes, so a scan that silently checks nothing cannot pass. */
const CANARY = `const { BrowserWindow, shell } = require('electron');
const win = new BrowserWindow({
  webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false },
});
win.webContents.on('new-window', (e, url) => shell.openExternal(url));
`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|jsx|html)$/.test(entry.name) ? [path] : [];
  });
}

let work: string;
let scanned: ScanResult;
let unsuppressed: ScanResult;
let canary: ScanResult;
let suppressions: Suppression[];
let report: GateReport;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'throughline-electronegativity-'));
  // The same sources with every eng-disable neutralised (same line numbers): what each one hides.
  const bare = join(work, 'unsuppressed');
  cpSync(SOURCES, bare, { recursive: true });
  suppressions = [];
  for (const file of sourceFiles(bare)) {
    const text = readFileSync(file, 'utf8');
    const name = relative(bare, file).split(sep).join('/');
    suppressions.push(...suppressionsIn(name, text));
    writeFileSync(file, text.replaceAll('eng-disable', 'eng-reviewed'));
  }
  const canaryDir = join(work, 'canary');
  mkdirSync(canaryDir);
  writeFileSync(join(canaryDir, 'main.js'), CANARY);

  const out = join(work, 'results.json');
  await promisify(execFile)(process.execPath, ['--import', 'tsx', RUNNER, out, SOURCES, bare, canaryDir], {
    cwd: ROOT,
    env: { ...process.env, LANG: 'en-US' },
    timeout: 120_000,
  });
  [scanned, unsuppressed, canary] = JSON.parse(readFileSync(out, 'utf8')) as [
    ScanResult,
    ScanResult,
    ScanResult,
  ];
  report = gate(scanned, unsuppressed, suppressions);
  console.log(describeReport(scanned, report).join('\n'));
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('electronegativity over electron/ (sources, not bundles)', () => {
  it('ran its checks over every source file and parsed them all', () => {
    expect(scanned.checks).toBeGreaterThanOrEqual(40);
    expect(scanned.files).toBe(sourceFiles(SOURCES).length);
    expect(report.unparsed).toEqual([]);
  });

  it('leaves no high or medium finding unsuppressed', () => {
    expect(report.blocking).toEqual([]);
  });

  it('has a reason on every suppression, and no suppression that hides nothing', () => {
    expect(report.unexplained).toEqual([]);
    expect(report.stale).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('would fail on the classic mistakes (the scan really checks)', () => {
    const ids = new Set(canary.issues.map((issue) => issue.id));
    for (const id of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
      // The global checks that our sources pass because security.ts handles navigation and permissions.
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ]) {
      expect(ids).toContain(id);
    }
    expect(gate(canary, canary, []).passed).toBe(false);
  });
});

describe('the gate', () => {
  const issue = (id: string, line: number, severity: 'LOW' | 'MEDIUM' | 'HIGH') => ({
    id,
    file: 'main/window.ts',
    line,
    severity,
    confidence: 'FIRM',
    description: '',
  });
  const result = (issues: ScanResult['issues']): ScanResult => ({ checks: 41, files: 1, errors: [], issues });

  it('reads the check ids and the reason of an eng-disable comment', () => {
    const text = [
      'const a = 1;',
      '  preload: p, // eng-disable PRELOAD_JS_CHECK -- sandboxed, forwards only the contract',
      '  x(), /* eng-disable A_JS_CHECK B_JS_CHECK -- both reviewed in the hardening test */',
      '  y(), // eng-disable C_JS_CHECK',
    ].join('\n');
    expect(suppressionsIn('f.ts', text)).toEqual([
      {
        file: 'f.ts',
        line: 2,
        checkIds: ['PRELOAD_JS_CHECK'],
        reason: 'sandboxed, forwards only the contract',
      },
      {
        file: 'f.ts',
        line: 3,
        checkIds: ['A_JS_CHECK', 'B_JS_CHECK'],
        reason: 'both reviewed in the hardening test',
      },
      { file: 'f.ts', line: 4, checkIds: ['C_JS_CHECK'], reason: '' },
    ]);
  });

  it('fails on a medium finding, passes a low one, and matches suppressions to what they hide', () => {
    expect(gate(result([issue('X_JS_CHECK', 3, 'MEDIUM')]), result([]), []).passed).toBe(false);
    expect(gate(result([issue('X_JS_CHECK', 3, 'LOW')]), result([]), []).passed).toBe(true);
    const reviewed: Suppression = {
      file: 'main/window.ts',
      line: 5,
      checkIds: ['PRELOAD_JS_CHECK'],
      reason: 'sandboxed, forwards only the contract',
    };
    const hidden = gate(result([]), result([issue('PRELOAD_JS_CHECK', 5, 'MEDIUM')]), [reviewed]);
    expect(hidden.passed).toBe(true);
    expect(hidden.suppressed[0]?.findings.map((f) => f.id)).toEqual(['PRELOAD_JS_CHECK']);
    // A suppression without a reason, on the first line (the whole file), or hiding nothing fails.
    expect(
      gate(result([]), result([issue('PRELOAD_JS_CHECK', 5, 'MEDIUM')]), [{ ...reviewed, reason: 'ok' }])
        .passed,
    ).toBe(false);
    expect(
      gate(result([]), result([issue('PRELOAD_JS_CHECK', 1, 'HIGH')]), [{ ...reviewed, line: 1 }]).passed,
    ).toBe(false);
    expect(gate(result([]), result([]), [reviewed]).stale).toEqual([reviewed]);
  });

  it('fails when a file could not be parsed', () => {
    const broken: ScanResult = {
      ...result([]),
      errors: [{ file: 'a.ts', message: 'Unexpected token', tolerable: false }],
    };
    expect(gate(broken, result([]), []).passed).toBe(false);
  });
});
