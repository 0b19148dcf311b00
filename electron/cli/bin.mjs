#!/usr/bin/env node
// The `throughline` command (package.json "bin", and `npm start`). The command line is TypeScript
// run through tsx, with the package's own tsconfig whatever the current folder is.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });

// A broken pipe (`throughline export … | head`) is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const { run } = await import('./main.ts');
const code = await run(process.argv.slice(2));
process.exitCode = code;
// Nothing should keep the process alive after a command; if something does (a browser it started),
// leave anyway once the output is flushed.
setTimeout(() => process.exit(code), 1000).unref();
