// Opens a document the way the app does and prints the outcome as one JSON line. Run by
// read-only-open.test.ts as another user when the tests run as root, for whom chmod stops nothing.
import { openDocument } from '../../electron/backend/storage/open-document';

const file = process.argv[2] ?? '';
try {
  openDocument(file, { create: false }).close();
  console.log(JSON.stringify({ ok: true }));
} catch (error) {
  const { code, message } = error as { code?: string; message?: string };
  console.log(JSON.stringify({ ok: false, code, message }));
}
