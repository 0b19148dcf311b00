// Runs electronegativity on each folder given and writes the results as JSON to the first argument.
// A child process of its own (tsx), because the tool registers a global `__` for its messages and
// prints to stdout. It never touches the network: its HTTP client (got) is replaced before the tool
// loads by one that refuses at once, so it uses its bundled English messages instead of fetching
// translations (which waited seconds for DNS to fail here), and the Electron-releases check (about
// the installed Electron version, not our sources) is excluded.
//   node --import tsx tests/security/run-electronegativity.ts OUT.json DIR...
import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, extname, join, relative, sep } from 'node:path';
import { type ScanIssue, type ScanResult, SEVERITIES, type Severity } from './electronegativity-gate';

interface RawIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  description?: unknown;
}
interface RawResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: RawIssue[];
}
interface RunOptions {
  input: string;
  isRelative: boolean;
  excludeFromScan: string[];
  electronVersionOverride: string;
}
type Run = (options: RunOptions, forCli: boolean) => Promise<RawResult>;

const require = createRequire(import.meta.url);

/** Puts an HTTP client that always fails in the module cache where the tool will look for `got`. */
function keepOffline(): void {
  const toolDir = dirname(require.resolve('@doyensec/electronegativity'));
  const gotPath = require.resolve('got', { paths: [toolDir] });
  const refuse = () => Promise.reject(new Error('electronegativity runs offline in the tests'));
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = Object.assign(refuse, { head: refuse, get: refuse });
  require.cache[gotPath] = stub;
}

keepOffline();
const run = require('@doyensec/electronegativity') as Run;
const electronVersion = (require('electron/package.json') as { version: string }).version;

/** The files the tool reads (its util/file.js list_files), to say how many were checked. */
function countScannable(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    if (entry.isDirectory()) count += countScannable(join(dir, entry.name));
    else if (['.js', '.jsx', '.ts', '.tsx', '.html', '.htm'].includes(extname(entry.name))) count++;
  }
  return count;
}

const severityOf = (name: string): Severity =>
  (SEVERITIES as readonly string[]).includes(name) ? (name as Severity) : 'HIGH';

async function scan(dir: string): Promise<ScanResult> {
  const raw = await run(
    {
      input: dir,
      isRelative: true,
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      electronVersionOverride: electronVersion,
    },
    false,
  );
  const toPosix = (file: string) => (file.startsWith(dir) ? relative(dir, file) : file).split(sep).join('/');
  const issues: ScanIssue[] = raw.issues.map((issue) => ({
    id: issue.id,
    file: toPosix(issue.file),
    line: issue.location.line,
    severity: severityOf(issue.severity.name),
    confidence: issue.confidence.name,
    description:
      typeof issue.description === 'string' ? issue.description : JSON.stringify(issue.description),
  }));
  return {
    checks: raw.globalChecks + raw.atomicChecks,
    files: countScannable(dir),
    errors: raw.errors.map((error) => ({ ...error, file: toPosix(error.file) })),
    issues,
  };
}

const [out, ...dirs] = process.argv.slice(2);
if (!out || dirs.length === 0) throw new Error('usage: run-electronegativity.ts OUT.json DIR...');
const results: ScanResult[] = [];
for (const dir of dirs) results.push(await scan(dir));
writeFileSync(out, JSON.stringify(results));
