// Regenerates the checked-in JSON Schema of the interchange format (npm run schema).
// A test compares the checked-in file with a fresh generation, so the two never drift.
import { writeFileSync } from 'node:fs';
import { interchangeJsonSchema } from '../../shared/interchange/json-schema';

const target = new URL('../../resources/schema/throughline-map.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(interchangeJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
