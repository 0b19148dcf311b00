import { z } from 'zod';

// zod 4 probes whether it may compile validators with `new Function`; the app's Content Security
// Policy (no 'unsafe-eval') refuses that and reports a violation. Say up front not to try.
z.config({ jitless: true });
