import { describe, expect, it } from 'vitest';
import { run } from '../../electron/cli/main';

async function runInProcess(argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, {
    out: (text) => {
      out += text;
    },
    info: (line) => {
      err += `${line}\n`;
    },
  });
  return { code, out, err };
}

describe('command names named like Object.prototype members', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'refuses "%s" as a command and a help topic',
    async (name) => {
      for (const argv of [[name], ['help', name]]) {
        const result = await runInProcess(argv);
        expect(result.code).toBe(2);
        expect(result.err).toContain(`"${name}" is not a command`);
        expect(result.out).toBe('');
      }
    },
  );
});
