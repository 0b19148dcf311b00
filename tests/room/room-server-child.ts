// The SIGKILL test's room server (server-kill.test.ts): the test harness's real RoomServer over a
// real document file in DIR (DIR/room.throughline), on 127.0.0.1:PORT (0: any free port), until
// it is killed. Prints "ready PORT" once it listens.
// Usage: node tests/room/room-server-child.mjs DIR PORT (bundled by bundleChild), or through tsx.
import { writeSync } from 'node:fs';
import { startRoomHarness } from './room-harness';

const [dir, port] = process.argv.slice(2);
if (!dir || port === undefined) throw new Error('usage: room-server-child.ts DIR PORT');

const harness = await startRoomHarness(dir, Number(port));
// writeSync: the line is out of this process before anything else happens.
writeSync(1, `ready ${harness.port}\n`);
