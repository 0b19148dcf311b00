// The command line as one bundled script (tests/storage/bundle-child.ts), for tests that run it as
// another user: permissions stop nothing for root.
import { run } from '../../electron/cli/main';

process.exitCode = await run(process.argv.slice(2));
