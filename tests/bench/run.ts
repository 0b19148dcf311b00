import { benchCanvas } from './canvas.bench';
import { benchCheckins } from './checkins.bench';
import { benchDiff } from './diff.bench';
import { benchLayout } from './layout.bench';
import type { Print } from './measure';
import { benchPdf } from './pdf.bench';
import { benchPptx } from './pptx.bench';
import { benchRoom } from './room.bench';
import { benchServer } from './server.bench';
import { benchStorage } from './storage.bench';
import { benchValidate } from './validate.bench';

/** Each benchmark prints its figures through `print`, one line each: `name: value unit`. */
const BENCHES: Record<string, (print: Print) => Promise<void>> = {
  validate: benchValidate,
  storage: benchStorage,
  server: benchServer,
  layout: benchLayout,
  canvas: benchCanvas,
  pdf: benchPdf,
  pptx: benchPptx,
  room: benchRoom,
  diff: benchDiff,
  checkins: benchCheckins,
};

const print: Print = (name, value, unit) => {
  console.log(`${name}: ${Number(value.toPrecision(4))} ${unit}`);
};

// `npm run bench` runs them all; `npm run bench -- layout storage` only those named.
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}.`);
  process.exit(2);
}
for (const [name, bench] of Object.entries(BENCHES)) {
  if (wanted.length === 0 || wanted.includes(name)) await bench(print);
}
// The canvas benchmark's browser and server are closed; exit even if a handle lingers.
process.exit(0);
