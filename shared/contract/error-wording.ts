import { z } from 'zod';
import { interchangeRefusalPhrase } from '../interchange/refusals';
import type { Language } from '../model/language';

/**
 * What a refused or failed contract call says to the user, in every language.
 *
 * The main process does not know which language the window shows, and its sentences are also read
 * in logs and by the command line, so it answers in English and names the sentence it said: a
 * reason and the values it filled in (a file's name, SQLite's own words). The renderer writes the
 * same sentence in the UI's language from those. Values quoted from elsewhere stay as they came:
 * SQLite's error text, the JSON parser's and the schema's words on an imported file, why a map
 * name is invalid, and a migration record that does not match.
 * Refusals of malformed requests (a bad payload, an unknown method, a foreign sender, an oversized
 * body) are for developers and stay English.
 */
export interface ErrorParams {
  // Saving: each says the edits are kept, because the renderer keeps them and retries (autosave.ts).
  'storage-full': Record<string, never>;
  'storage-read-only': Record<string, never>;
  'storage-busy': Record<string, never>;
  'storage-io': Record<string, never>;
  'server-silent': { detail: string };
  // The browser mode's session: no cookie yet, or one from before the server restarted.
  'session-missing': Record<string, never>;
  'session-invalid': Record<string, never>;
  // A live room shared on the LAN: what a participant may not do, and sharing that could not start.
  'session-view-only': Record<string, never>;
  'session-host-only': Record<string, never>;
  'sharing-needs-serve': Record<string, never>;
  'sharing-active': Record<string, never>;
  'sharing-no-address': Record<string, never>;
  'sharing-listen-failed': { address: string; detail: string };
  // Opening a document.
  'document-missing': { path: string };
  'document-not-recent': Record<string, never>;
  'document-moved': { name: string; path: string };
  'document-empty': { name: string };
  'document-not-a-file': { path: string };
  'document-not-a-database': { path: string };
  'document-foreign-database': { path: string };
  'document-unreadable': { path: string; detail: string };
  'document-newer': { path: string; version: string; latest: string };
  'document-damaged': { path: string; detail: string };
  'document-history': { path: string; detail: string };
  'document-read-only-file': { path: string };
  'document-read-only-folder': { path: string };
  'document-open-failed': { path: string; detail: string };
  'document-journal-refused': { path: string; mode: string };
  'document-schema': { path: string; detail: string };
  'document-wal-foreign': { path: string; detail: string };
  'document-map-invalid': { path: string; detail: string };
  'document-disk-full': { path: string };
  'document-not-writable': { path: string };
  /** Closing: the WAL could not be folded back into the document (the edits are in the -wal). */
  'close-disk-full': { path: string };
  'close-not-writable': { path: string };
  'close-failed': { path: string; detail: string };
  'upgrade-failed': { path: string; detail: string };
  'upgrade-failed-kept': { path: string; detail: string; backup: string };
  'upgrade-busy': { path: string };
  'upgrade-backup-failed': { path: string; detail: string };
  'dialogs-desktop-only': Record<string, never>;
  // Backups.
  'backup-unknown': Record<string, never>;
  'backup-damaged': { name: string };
  'restore-conflict': Record<string, never>;
  'restore-busy': { name: string };
  // Maps.
  'map-missing': { mapId: string };
  'map-changed-elsewhere': { current: string; base: string };
  'map-name-invalid': { detail: string };
  'map-node-invalid': { map: string; path: string; node: string; detail: string };
  'map-link-invalid': { map: string; path: string; link: string; detail: string };
  'checkin-not-metric': { metric: string };
  /** `kind` and `value` of an InterchangeRefusal (shared/interchange/refusals.ts). */
  'import-refused': { kind: string; value: string };
  // A map's saved versions (electron/backend/storage/map-versions.ts).
  'version-missing': { version: string };
  /** `problem`: empty, too-long (over `limit` characters) or several-lines. */
  'version-label-invalid': { problem: string; limit: string };
  'version-author-invalid': { problem: string; limit: string };
  'version-limit': { limit: string };
  'version-ambiguous': { label: string; ids: string };
  'version-damaged': { label: string; detail: string };
  // Exports.
  /** `what`: the kind of file, PDF or PNG. */
  'no-chromium': { what: string };
  'no-printer': Record<string, never>;
  'print-failed': { detail: string };
  'print-timeout': Record<string, never>;
  'outline-too-large': { limit: string };
  // Anything else.
  internal: { detail: string };
}

export type ErrorReason = keyof ErrorParams;

/** A sentence as the main process said it: which one, and what it filled in. */
export interface ErrorWording<R extends ErrorReason = ErrorReason> {
  reason: R;
  params: ErrorParams[R];
}

type Sentences = { [R in ErrorReason]: (p: ErrorParams[R]) => string };

const EN: Sentences = {
  'storage-full': () => 'The disk is full: your last changes are kept and will be saved when there is space.',
  'storage-read-only': () =>
    'The plan’s file or its folder is read-only: your last changes are kept and will be saved once it can be written again.',
  'storage-busy': () =>
    'The plan’s file is in use by another program: your last changes are kept and will be saved when it lets go.',
  'storage-io': () =>
    'The plan’s file could not be written (the disk reported an error): your last changes are kept and will be saved on the next try.',
  'server-silent': ({ detail }) => `Throughline's server did not answer (${detail}).`,
  'session-missing': () =>
    'Open Throughline with the address it printed when it started (it carries the session token).',
  'session-invalid': () =>
    'This session is not valid for this server (Throughline may have been restarted): open it again with the address it printed when it started.',
  'session-view-only': () => 'You joined this room to view it: changes are made by the editors.',
  'session-host-only': () => 'Only the computer that shares the room can do this.',
  'sharing-needs-serve': () =>
    'Sharing with the room runs in the browser mode: start Throughline with `throughline serve --share`.',
  'sharing-active': () => 'The room is already shared: stop sharing first to make new keys.',
  'sharing-no-address': () =>
    'This computer has no network address to share on (no LAN connection): connect it, or choose an address with --host.',
  'sharing-listen-failed': ({ address, detail }) => `The room could not be shared on ${address}: ${detail}.`,
  'document-missing': ({ path }) => `There is no Throughline document at "${path}".`,
  'document-not-recent': () => 'That document is not in the list of recent documents.',
  'document-moved': ({ name, path }) => `"${name}" is no longer where it was (${path}).`,
  'document-empty': ({ name }) => `"${name}" is empty: it is not a Throughline document.`,
  'document-not-a-file': ({ path }) => `Cannot open "${path}": it is not a file. The file was not changed.`,
  'document-not-a-database': ({ path }) =>
    `Cannot open "${path}": it is not a Throughline document (not a database file at all). The file was not changed.`,
  'document-foreign-database': ({ path }) =>
    `Cannot open "${path}": it is not a Throughline document (it is a database of another program). The file was not changed.`,
  'document-unreadable': ({ path, detail }) =>
    `Cannot open "${path}": it is damaged or not a Throughline document (${detail}). The file was not changed.`,
  'document-newer': ({ path, version, latest }) =>
    `Cannot open "${path}": it was made by a newer version of Throughline (schema version ${version}; this version reads up to ${latest}). Update Throughline to open it. The file was not changed.`,
  'document-damaged': ({ path, detail }) =>
    `Cannot open "${path}": it is damaged: SQLite's integrity check failed (${detail}). Restore it from a backup. The file was not changed.`,
  'document-history': ({ path, detail }) =>
    `Cannot open "${path}": ${detail}; it may have been made by a different build of Throughline. The file was not changed.`,
  'document-read-only-file': ({ path }) =>
    `"${path}" cannot be opened for editing: the file is read-only. Make it writable, or copy the file to a folder you can write to and open the copy. The file was not changed.`,
  'document-read-only-folder': ({ path }) =>
    `"${path}" cannot be opened for editing: its folder is read-only. Make it writable, or copy the file to a folder you can write to and open the copy. The file was not changed.`,
  'document-open-failed': ({ path, detail }) => `"${path}" could not be opened: ${detail}`,
  'document-journal-refused': ({ path, mode }) =>
    `"${path}" cannot use SQLite's WAL journal here (got "${mode}").`,
  'document-schema': ({ path, detail }) =>
    `Cannot open "${path}": ${detail}, so it was not made by Throughline or was changed by another program. Nothing in it was run. The file was not changed.`,
  'document-wal-foreign': ({ path, detail }) =>
    `Cannot open "${path}": ${detail}. Move that "-wal" file away and open the document again. The file was not changed.`,
  'document-map-invalid': ({ path, detail }) =>
    `Cannot open "${path}": ${detail}; Throughline never writes such a map, so the file was made or changed elsewhere. The file was not changed.`,
  'document-disk-full': ({ path }) =>
    `Cannot open "${path}": the disk is full, and opening a document needs a little space beside it. Free some space and try again. The file was not changed.`,
  'document-not-writable': ({ path }) =>
    `"${path}" cannot be opened for editing: the file, its folder or the "-wal" and "-shm" files SQLite keeps beside it cannot be written. The file was not changed.`,
  'close-disk-full': ({ path }) =>
    `"${path}" is saved, but the disk is full, so its last changes stay in the "-wal" file beside it; they are read back when the document is opened again. Keep that file with the document.`,
  'close-not-writable': ({ path }) =>
    `"${path}" is saved, but it can no longer be written, so its last changes stay in the "-wal" file beside it; they are read back when the document is opened again. Keep that file with the document.`,
  'close-failed': ({ path, detail }) =>
    `"${path}" could not be closed cleanly (${detail}); its last changes stay in the "-wal" file beside it and are read back when the document is opened again. Keep that file with the document.`,
  'upgrade-failed': ({ path, detail }) =>
    `"${path}" could not be upgraded to this version's format (${detail}); it was left as it was.`,
  'upgrade-failed-kept': ({ path, detail, backup }) =>
    `"${path}" could not be upgraded to this version's format (${detail}); it was left as it was. A copy from before the attempt is at "${backup}".`,
  'upgrade-busy': ({ path }) =>
    `"${path}" needs an upgrade but is in use by another program; close it there and try again.`,
  'upgrade-backup-failed': ({ path, detail }) =>
    `"${path}" was not upgraded: its backup copy could not be written (${detail}).`,
  'dialogs-desktop-only': () =>
    'Open and Save As dialogs exist only in the desktop app; use the file picker here.',
  'backup-unknown': () => 'That backup is not among this document’s backups.',
  'backup-damaged': ({ name }) =>
    `The backup "${name}" cannot be restored: it is damaged or not a Throughline document. Nothing was changed.`,
  'restore-conflict': () => 'Another document was opened meanwhile; nothing was restored.',
  'restore-busy': ({ name }) => `"${name}" is in use by another program; nothing was restored.`,
  'map-missing': ({ mapId }) => `There is no map "${mapId}" in this document.`,
  'map-changed-elsewhere': ({ current, base }) =>
    `The map was changed elsewhere (now at revision ${current}, this save is based on ${base}); reload it.`,
  'map-name-invalid': ({ detail }) => `Invalid map name: ${detail}.`,
  'map-node-invalid': ({ map, path, node, detail }) =>
    `Map "${map}" in "${path}" holds a node "${node}" that is not valid${detail ? ` (${detail})` : ''}.`,
  'map-link-invalid': ({ map, path, link, detail }) =>
    `Map "${map}" in "${path}" holds a link ${link} that is not valid${detail ? ` (${detail})` : ''}.`,
  'checkin-not-metric': ({ metric }) =>
    `"${metric}" is not a metric of this map, so it cannot take a check-in. Nothing was written.`,
  'import-refused': (refusal) => `This file cannot be imported: ${interchangeRefusalPhrase(refusal, 'en')}.`,
  'version-missing': ({ version }) => `This map has no version "${version}".`,
  'version-label-invalid': ({ problem, limit }) =>
    `${problem === 'empty' ? 'A version needs a label' : problem === 'too-long' ? `A version label is at most ${limit} characters` : 'A version label is one line of text'}. Nothing was saved.`,
  'version-author-invalid': ({ problem, limit }) =>
    `${problem === 'too-long' ? `An author's name is at most ${limit} characters` : "An author's name is one line of text"}. Nothing was saved.`,
  'version-limit': ({ limit }) =>
    `This map already keeps ${limit} versions, the most it may. Nothing was saved.`,
  'version-ambiguous': ({ label, ids }) =>
    `Several versions of this map are labelled "${label}"; choose one by its id: ${ids}.`,
  'version-damaged': ({ label, detail }) => `The version "${label}" cannot be read: ${detail}.`,
  'no-chromium': ({ what }) =>
    `No Chromium, Google Chrome or Microsoft Edge was found on this computer, so the ${what} cannot be made: install one of them, or set CHROME_PATH to its executable.`,
  'no-printer': () =>
    'This window cannot make PDFs: start Throughline with `throughline serve` or the desktop app.',
  'print-failed': ({ detail }) => `The print view failed: ${detail}`,
  'print-timeout': () => 'The print view did not finish laying out in time.',
  'outline-too-large': ({ limit }) =>
    `This map cannot be exported as an outline: the outline of this map would have more than ${limit} rows (goals reaching the same long chains of mechanisms); export it as JSON instead.`,
  internal: ({ detail }) => `Something went wrong: ${detail}`,
};

const ZH_CN: Sentences = {
  'storage-full': () => '磁盘已满：你最近的修改已保留，有空间后会自动保存。',
  'storage-read-only': () => '计划文件或其所在文件夹是只读的：你最近的修改已保留，可以写入后会自动保存。',
  'storage-busy': () => '计划文件正被其他程序占用：你最近的修改已保留，对方释放后会自动保存。',
  'storage-io': () => '计划文件无法写入（磁盘报告了错误）：你最近的修改已保留，下次尝试时会再保存。',
  'server-silent': ({ detail }) => `Throughline 的服务器没有响应（${detail}）。`,
  'session-missing': () => '请用 Throughline 启动时打印的地址打开它（该地址带有会话令牌）。',
  'session-invalid': () =>
    '此会话对这个服务器无效（Throughline 可能已重新启动）。请用它启动时打印的地址重新打开。',
  'session-view-only': () => '你以观看者身份加入了这个会场：修改由编辑者进行。',
  'session-host-only': () => '只有共享会场的那台电脑可以执行此操作。',
  'sharing-needs-serve': () =>
    '与会场共享需要浏览器模式：请用 `throughline serve --share` 启动 Throughline。',
  'sharing-active': () => '会场已在共享中：请先停止共享，再生成新的密钥。',
  'sharing-no-address': () =>
    '这台电脑没有可用于共享的网络地址（未连接局域网）：请先连接网络，或用 --host 指定地址。',
  'sharing-listen-failed': ({ address, detail }) => `无法在 ${address} 上共享会场：${detail}。`,
  'document-missing': ({ path }) => `“${path}”处没有 Throughline 文档。`,
  'document-not-recent': () => '该文档不在最近打开的文档列表中。',
  'document-moved': ({ name, path }) => `“${name}”已不在原来的位置（${path}）。`,
  'document-empty': ({ name }) => `“${name}”是空文件，不是 Throughline 文档。`,
  'document-not-a-file': ({ path }) => `无法打开“${path}”：它不是文件。文件未被改动。`,
  'document-not-a-database': ({ path }) =>
    `无法打开“${path}”：它不是 Throughline 文档（根本不是数据库文件）。文件未被改动。`,
  'document-foreign-database': ({ path }) =>
    `无法打开“${path}”：它不是 Throughline 文档（而是其他程序的数据库）。文件未被改动。`,
  'document-unreadable': ({ path, detail }) =>
    `无法打开“${path}”：文件已损坏或不是 Throughline 文档（${detail}）。文件未被改动。`,
  'document-newer': ({ path, version, latest }) =>
    `无法打开“${path}”：它由更新版本的 Throughline 创建（结构版本 ${version}；当前版本最高只能读取 ${latest}）。请升级 Throughline 后再打开。文件未被改动。`,
  'document-damaged': ({ path, detail }) =>
    `无法打开“${path}”：文件已损坏，SQLite 完整性检查未通过（${detail}）。请从备份恢复。文件未被改动。`,
  'document-history': ({ path, detail }) =>
    `无法打开“${path}”：${detail}；它可能由另一个版本的 Throughline 创建。文件未被改动。`,
  'document-read-only-file': ({ path }) =>
    `无法以编辑方式打开“${path}”：文件是只读的。请将其设为可写，或把文件复制到你有写入权限的文件夹后打开副本。文件未被改动。`,
  'document-read-only-folder': ({ path }) =>
    `无法以编辑方式打开“${path}”：所在文件夹是只读的。请将其设为可写，或把文件复制到你有写入权限的文件夹后打开副本。文件未被改动。`,
  'document-open-failed': ({ path, detail }) => `无法打开“${path}”：${detail}`,
  'document-journal-refused': ({ path, mode }) =>
    `“${path}”在此处无法使用 SQLite 的 WAL 日志模式（得到的是“${mode}”）。`,
  'document-schema': ({ path, detail }) =>
    `无法打开“${path}”：${detail}，因此它不是由 Throughline 创建的，或已被其他程序改动。其中的任何内容都没有被执行。文件未被改动。`,
  'document-wal-foreign': ({ path, detail }) =>
    `无法打开“${path}”：${detail}。请把那个“-wal”文件移走，然后重新打开文档。文件未被改动。`,
  'document-map-invalid': ({ path, detail }) =>
    `无法打开“${path}”：${detail}；Throughline 从不写入这样的地图，因此该文件是在别处创建或改动的。文件未被改动。`,
  'document-disk-full': ({ path }) =>
    `无法打开“${path}”：磁盘已满，而打开文档需要在它旁边留出少量空间。请释放一些空间后重试。文件未被改动。`,
  'document-not-writable': ({ path }) =>
    `无法以编辑方式打开“${path}”：该文件、其所在文件夹，或 SQLite 在它旁边保存的“-wal”和“-shm”文件无法写入。文件未被改动。`,
  'close-disk-full': ({ path }) =>
    `“${path}”已保存，但磁盘已满，最近的修改仍保存在它旁边的“-wal”文件中；下次打开文档时会读回这些修改。请让该文件与文档放在一起。`,
  'close-not-writable': ({ path }) =>
    `“${path}”已保存，但它已无法写入，最近的修改仍保存在它旁边的“-wal”文件中；下次打开文档时会读回这些修改。请让该文件与文档放在一起。`,
  'close-failed': ({ path, detail }) =>
    `“${path}”未能正常关闭（${detail}）；最近的修改仍保存在它旁边的“-wal”文件中，下次打开文档时会读回。请让该文件与文档放在一起。`,
  'upgrade-failed': ({ path, detail }) => `“${path}”无法升级到当前版本的格式（${detail}），文件保持原样。`,
  'upgrade-failed-kept': ({ path, detail, backup }) =>
    `“${path}”无法升级到当前版本的格式（${detail}），文件保持原样。升级前的副本在“${backup}”。`,
  'upgrade-busy': ({ path }) => `“${path}”需要升级，但正被其他程序占用；请先在那里关闭它，然后重试。`,
  'upgrade-backup-failed': ({ path, detail }) => `“${path}”未升级：无法写入它的备份副本（${detail}）。`,
  'dialogs-desktop-only': () => '“打开”和“另存为”对话框只在桌面应用中提供；在这里请使用文件选择器。',
  'backup-unknown': () => '该备份不属于这个文档。',
  'backup-damaged': ({ name }) => `备份“${name}”无法恢复：它已损坏或不是 Throughline 文档。没有任何改动。`,
  'restore-conflict': () => '在此期间打开了另一个文档；没有恢复任何内容。',
  'restore-busy': ({ name }) => `“${name}”正被其他程序占用；没有恢复任何内容。`,
  'map-missing': ({ mapId }) => `此文档中没有地图“${mapId}”。`,
  'map-changed-elsewhere': ({ current, base }) =>
    `这张地图已在别处被修改（当前为第 ${current} 版，本次保存基于第 ${base} 版）；请重新载入。`,
  'map-name-invalid': ({ detail }) => `地图名称无效：${detail}。`,
  'map-node-invalid': ({ map, path, node, detail }) =>
    `“${path}”中的地图“${map}”含有无效的节点“${node}”${detail ? `（${detail}）` : ''}。`,
  'map-link-invalid': ({ map, path, link, detail }) =>
    `“${path}”中的地图“${map}”含有无效的连线 ${link}${detail ? `（${detail}）` : ''}。`,
  'checkin-not-metric': ({ metric }) => `“${metric}”不是这张地图上的指标，无法登记数值。没有写入任何内容。`,
  'import-refused': (refusal) => `此文件无法导入：${interchangeRefusalPhrase(refusal, 'zh-CN')}。`,
  'version-missing': ({ version }) => `这张地图没有版本“${version}”。`,
  'version-label-invalid': ({ problem, limit }) =>
    `${problem === 'empty' ? '版本需要一个名称' : problem === 'too-long' ? `版本名称最多 ${limit} 个字符` : '版本名称只能是一行文字'}。没有保存任何内容。`,
  'version-author-invalid': ({ problem, limit }) =>
    `${problem === 'too-long' ? `作者姓名最多 ${limit} 个字符` : '作者姓名只能是一行文字'}。没有保存任何内容。`,
  'version-limit': ({ limit }) => `这张地图已保存 ${limit} 个版本，已达上限。没有保存任何内容。`,
  'version-ambiguous': ({ label, ids }) => `这张地图有多个名为“${label}”的版本；请用编号选择其一：${ids}。`,
  'version-damaged': ({ label, detail }) => `版本“${label}”无法读取：${detail}。`,
  'no-chromium': ({ what }) =>
    `这台电脑上没有找到 Chromium、Google Chrome 或 Microsoft Edge，因此无法生成 ${what}：请安装其中之一，或将 CHROME_PATH 设为其可执行文件的路径。`,
  'no-printer': () => '此窗口无法生成 PDF：请用 `throughline serve` 或桌面应用启动 Throughline。',
  'print-failed': ({ detail }) => `打印视图出错：${detail}`,
  'print-timeout': () => '打印视图未能及时完成排版。',
  'outline-too-large': ({ limit }) =>
    `这张地图无法导出为大纲：大纲将超过 ${limit} 行（多个目标连到同样的长串运营机制）；请改为导出 JSON。`,
  internal: ({ detail }) => `出现了问题：${detail}`,
};

const SENTENCES: Readonly<Record<Language, Sentences>> = { en: EN, 'zh-CN': ZH_CN };

/** Every reason, for checking what crosses the contract. */
export const ERROR_REASONS = Object.keys(EN) as ErrorReason[];

/** The sentence of a wording in a language. */
export function wordError(wording: ErrorWording, language: Language): string {
  const sentence = SENTENCES[language][wording.reason] as (p: ErrorParams[ErrorReason]) => string;
  return sentence(wording.params as ErrorParams[ErrorReason]);
}

/**
 * A wording as it crosses the contract: a known reason, and string values only. Whether the values
 * fit the reason is checked by the reader (wordingIn): a wording that does not is ignored and the
 * English message is shown as it came.
 */
export const ErrorWordingSchema = z.object({
  reason: z.string().refine((reason) => (ERROR_REASONS as string[]).includes(reason)),
  params: z.record(z.string(), z.string()),
});

/**
 * The message of an error in `language`: its wording's sentence when the wording is whole (every
 * value the sentence names is there), else the message as the main process wrote it.
 */
export function messageIn(
  message: string,
  wording: { reason: string; params: Record<string, string> } | undefined,
  language: Language,
): string {
  if (
    typeof wording !== 'object' ||
    wording === null ||
    typeof wording.params !== 'object' ||
    wording.params === null ||
    !(ERROR_REASONS as string[]).includes(wording.reason)
  ) {
    return message;
  }
  const reason = wording.reason as ErrorReason;
  // The English sentence from the same values must be the message that came: then the values are
  // whole and this is the sentence the main process meant.
  const english = wordError({ reason, params: wording.params } as ErrorWording, 'en');
  return english === message
    ? wordError({ reason, params: wording.params } as ErrorWording, language)
    : message;
}
