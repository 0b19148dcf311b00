import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../electron/cli/bin.mjs', import.meta.url));
export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node electron/cli/bin.mjs …` as a user would, with a private user-data folder. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts a long-running command; resolves once a stdout line matches, with the child still running. */
export function startCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{
  child: ChildProcess;
  match: RegExpMatchArray;
  output: () => { stdout: string; stderr: string };
}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const output = () => ({ stdout, stderr });
    const timer = setTimeout(() => reject(new Error(`not ready in time: ${stdout} ${stderr}`)), 15_000);
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      const match = stdout.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output });
      }
    });
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ready: ${stdout} ${stderr}`));
    });
  });
}

export const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A stack trace has lines like "    at fn (file:1:2)". */
export const STACK_LINE = /^\s+at .+\(?.+:\d+:\d+\)?$/m;
