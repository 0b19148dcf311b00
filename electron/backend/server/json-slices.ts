/** Lets the event loop answer what is waiting before the next slice of work. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Arrays longer than this are written element by element, with pauses between slices. */
const LONG_ARRAY = 256;

/**
 * JSON.stringify of plain data (what the contract returns), written in slices: the event loop gets
 * a turn whenever `sliceMs` has passed, so a 20 MB map does not hold every other request for the
 * whole of its serialisation. The text is exactly JSON.stringify's.
 */
export async function stringifyInSlices(value: unknown, sliceMs = 10): Promise<string> {
  const parts: string[] = [];
  const tail = await writeJsonInSlices(value, (text) => parts.push(text), sliceMs);
  return parts.join('') + tail;
}

/**
 * The same text handed to `emit` piece by piece at each pause (a response sends it on without ever
 * holding, or encoding, 20 MB at once), and what remains at the end returned; a promise `emit`
 * returns (a full socket) is waited for. A small value is never emitted, only returned.
 */
export async function writeJsonInSlices(
  value: unknown,
  emit: (text: string) => unknown,
  sliceMs = 10,
): Promise<string> {
  let pending: string[] = [];
  const parts = {
    push(...texts: string[]) {
      pending.push(...texts);
    },
  };
  let sliceStart = performance.now();
  const maybePause = async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await emit(pending.join(''));
    pending = [];
    await nextTurn();
    sliceStart = performance.now();
  };

  async function write(v: unknown, inArray: boolean): Promise<void> {
    if (Array.isArray(v) && v.length > LONG_ARRAY) {
      parts.push('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) parts.push(',');
        await write(v[i], true);
        if (i % 64 === 63) await maybePause();
      }
      parts.push(']');
      return;
    }
    if (isPlainRecord(v) && hasLongArray(v)) {
      parts.push('{');
      let first = true;
      for (const [key, member] of Object.entries(v)) {
        if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
        parts.push(first ? '' : ',', JSON.stringify(key), ':');
        first = false;
        await write(member, false);
      }
      parts.push('}');
      return;
    }
    // What JSON.stringify writes for a value without a text of its own: null in an array.
    parts.push(JSON.stringify(v) ?? (inArray ? 'null' : 'null'));
  }

  await write(value, false);
  return pending.join('');
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    typeof (v as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/** Whether a long array sits anywhere inside (only such values are worth writing in slices). */
function hasLongArray(v: Record<string, unknown>, depth = 0): boolean {
  if (depth > 3) return false;
  for (const member of Object.values(v)) {
    if (Array.isArray(member) && member.length > LONG_ARRAY) return true;
    if (isPlainRecord(member) && hasLongArray(member, depth + 1)) return true;
  }
  return false;
}
