import { z } from 'zod';
import { MAX_IMPORT_BYTES, TableResultSchema } from '../checkins/import-table';
import { OUTLINE_FORMATS } from '../exports/outline-formats';
import { LANGUAGES } from '../model/language';
import { IdSchema, MapContentSchema, MapNameSchema } from '../model/schemas';
import { PdfChoicesSchema } from '../print/export-choices';
import { TEMPLATE_IDS } from '../templates/ids';
import { VersionSummarySchema } from '../versions/schemas';
import type { ApiResponse } from './errors';
import type { MethodName } from './methods';

/** Largest document the browser mode accepts or hands out (about 40 MB of file). */
export const MAX_DOCUMENT_BASE64 = 56_000_000;

interface MethodSpec {
  args: z.ZodType;
  result: z.ZodType;
}

/** A map as listed in the map list. */
export const MapSummarySchema = z.object({
  id: IdSchema,
  name: z.string(),
  nodeCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MapSummary = z.output<typeof MapSummarySchema>;

/** Maps listed per call: a document may hold 100,000 maps, and the list shows them a page at a time. */
export const MAP_PAGE_SIZE = 200;
/** The most a caller may ask for at once. */
export const MAX_MAP_PAGE = 1000;
export const MapPageArgsSchema = z.object({
  /** Maps to skip, most recently changed first. */
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.number().int().min(1).max(MAX_MAP_PAGE).optional(),
});
export const MapPageSchema = z.object({
  maps: z.array(MapSummarySchema),
  /** How many maps the document holds in all. */
  total: z.number().int(),
});
export type MapPage = z.output<typeof MapPageSchema>;

/** A whole map as loaded into the canvas. `revision` grows by one with every saved change. */
export const MapDocumentSchema = MapContentSchema.extend({
  id: IdSchema,
  name: z.string(),
  revision: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MapDocument = z.output<typeof MapDocumentSchema>;

const MapRef = z.object({ mapId: IdSchema });

/** The open plan document: the default library or a `.throughline` file. */
export const DocumentInfoSchema = z.object({
  path: z.string(),
  /** The file's name without its folder, for the title bar and menus. */
  fileName: z.string(),
  isLibrary: z.boolean(),
  /** True in the desktop app, where Open and Save As use the system's dialogs. */
  nativeDialogs: z.boolean(),
});
export type DocumentInfo = z.output<typeof DocumentInfoSchema>;

export const RecentDocumentSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  openedAt: z.string(),
  /** False when the file has gone missing since it was last opened. */
  available: z.boolean(),
});
export type RecentDocument = z.output<typeof RecentDocumentSchema>;

/** Bytes of a `.throughline` file, base64-encoded, for the browser mode's file picker and downloads. */
export const DocumentBytesSchema = z.object({
  fileName: z.string().min(1).max(255),
  base64: z.string().max(MAX_DOCUMENT_BASE64),
});

/** An automatic backup of the open document (see electron/backend/storage/backups.ts). */
export const BackupSchema = z.object({
  /** The backup's file name: all a client may name when restoring, never a path. */
  id: z.string(),
  /** When it was made, as an ISO time (UTC). */
  createdAt: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  mapCount: z.number().int().nonnegative(),
});
export type Backup = z.output<typeof BackupSchema>;

/**
 * What the calling session may do in the live room, the key its WebSocket presents and where the
 * rooms are. The machine's own window is the host (an editor): in the browser mode the room admits
 * it by its session cookie, so no key; the desktop window, a file:// page with no cookie, presents
 * the launch's host key to the plan server on 127.0.0.1. A participant who joined through a shared
 * address has the access and key of that address.
 */
export const RoomAccessSchema = z.object({
  access: z.enum(['edit', 'view']),
  key: z.string().nullable(),
  host: z.boolean(),
  /** The rooms' WebSocket address (`ws://127.0.0.1:<port>/sync`), or null: the page's own server. */
  url: z.string().nullable(),
});
export type RoomAccessInfo = z.output<typeof RoomAccessSchema>;

/** One change the live room accepted (shared/room/session-log.ts). */
export const RoomLogEntrySchema = z.object({
  at: z.string(),
  who: z.string().nullable(),
  clientId: z.number().int().nullable(),
  items: z.array(
    z.object({
      kind: z.enum(['node', 'link', 'checkin']),
      action: z.enum(['added', 'renamed', 'moved', 'edited', 'deleted']),
      title: z.string(),
      from: z.string().optional(),
    }),
  ),
  more: z.number().int().nonnegative(),
});
export type RoomLogEntry = z.output<typeof RoomLogEntrySchema>;

/** Where a room is shared: the address participants open, one for editors and one for observers. */
export const ShareInfoSchema = z.object({
  /** The address the shared server listens on (the machine's LAN address unless chosen). */
  host: z.string(),
  port: z.number().int(),
  /** True with --tls: https and wss; otherwise plain http on the network. */
  secure: z.boolean(),
  editUrl: z.string(),
  viewUrl: z.string(),
});
export type ShareInfo = z.output<typeof ShareInfoSchema>;

export const StartSharingArgsSchema = z.object({
  /** An address of this machine to listen on; the first LAN (non-internal IPv4) address unless given. */
  host: z.string().min(1).max(255).optional(),
  /** 0 or absent picks a free port. */
  port: z.number().int().min(0).max(65535).optional(),
});

/**
 * The one API between the renderer and the main process. Each method names the zod schemas of its
 * argument and result; the main process validates every payload against them before it acts.
 */
export const contract = {
  /** The first page of maps (MAP_PAGE_SIZE unless a limit is given), most recently changed first. */
  listMaps: { args: MapPageArgsSchema, result: z.array(MapSummarySchema) },
  /** A page of maps and how many there are in all: what the map list loads more with. */
  listMapPage: { args: MapPageArgsSchema, result: MapPageSchema },
  /** One map as the list shows it (a map the window opens may be on any page of the list). */
  mapSummary: { args: MapRef, result: MapSummarySchema },
  createMap: { args: z.object({ name: MapNameSchema }), result: MapSummarySchema },
  renameMap: { args: MapRef.extend({ name: MapNameSchema }), result: MapSummarySchema },
  duplicateMap: { args: MapRef.extend({ name: MapNameSchema }), result: MapSummarySchema },
  deleteMap: { args: MapRef, result: z.object({ deleted: z.literal(true) }) },
  /** Undoes a delete made since the document was opened: the map back with its id and content. */
  restoreMap: { args: MapRef, result: MapSummarySchema },
  loadMap: { args: MapRef, result: MapDocumentSchema },
  importMapJson: {
    args: z.object({ text: z.string().max(50_000_000), name: MapNameSchema.optional() }),
    result: MapSummarySchema,
  },
  /**
   * A CSV or XLSX file of check-ins read into a table of text cells (File ▸ Import check-ins…), or
   * why it is refused; the renderer previews the rows against the open map (shared/checkins) and
   * writes the confirmed ones through the live room. Reads only: nothing is written here.
   */
  readCheckinTable: {
    args: z.object({
      fileName: z.string().min(1).max(255),
      base64: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4),
    }),
    result: TableResultSchema,
  },
  /** A new map with a built-in template's content in one language, named after it unless named here. */
  createMapFromTemplate: {
    args: z.object({
      templateId: z.enum(TEMPLATE_IDS),
      language: z.enum(LANGUAGES),
      name: MapNameSchema.optional(),
    }),
    result: MapSummarySchema,
  },
  exportMapJson: { args: MapRef, result: z.object({ fileName: z.string(), text: z.string() }) },
  /**
   * A map as a PDF: its print view printed by Chromium (browser mode) or a hidden window (desktop),
   * bytes as base64 for the renderer to save. 'unsupported' when no Chromium can be found.
   */
  exportPdf: {
    args: MapRef.extend({ options: PdfChoicesSchema }),
    result: z.object({ fileName: z.string(), base64: z.string().max(MAX_DOCUMENT_BASE64) }),
  },
  /**
   * Gets the PDF printer ready while the user fills in the export dialog (the browser mode starts
   * Chromium and draws the map's print view once, unprinted), so the export itself is quick.
   * Never fails the dialog:
   * `ready` is false when there is nothing to prepare or it could not be prepared.
   */
  preparePdfExport: {
    args: MapRef.extend({ language: z.enum(LANGUAGES) }),
    result: z.object({ ready: z.boolean() }),
  },
  /**
   * A map's outline as a CSV, Excel or Markdown file, or its check-in calendar as an iCalendar
   * file, in one language (bytes as base64).
   */
  exportMap: {
    args: MapRef.extend({ format: z.enum(OUTLINE_FORMATS), language: z.enum(LANGUAGES) }),
    result: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  },
  /** A map as an editable PowerPoint deck (the board pack) in one language, bytes as base64. */
  exportSlides: {
    args: MapRef.extend({ language: z.enum(LANGUAGES) }),
    result: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      base64: z.string().max(MAX_DOCUMENT_BASE64),
    }),
  },
  documentInfo: { args: z.object({}), result: DocumentInfoSchema },
  listRecentDocuments: { args: z.object({}), result: z.array(RecentDocumentSchema) },
  openRecentDocument: { args: z.object({ path: z.string().min(1).max(4096) }), result: DocumentInfoSchema },
  openLibrary: { args: z.object({}), result: DocumentInfoSchema },
  uploadDocument: { args: DocumentBytesSchema, result: DocumentInfoSchema },
  downloadDocument: { args: z.object({}), result: DocumentBytesSchema },
  openDocumentDialog: { args: z.object({}), result: DocumentInfoSchema.nullable() },
  saveDocumentAsDialog: { args: z.object({}), result: DocumentInfoSchema.nullable() },
  /** The UI language the user chose, so the desktop menu can follow it (a no-op in a browser). */
  setUiLanguage: {
    args: z.object({ language: z.enum(LANGUAGES) }),
    result: z.object({ language: z.enum(LANGUAGES) }),
  },
  /** The open document's backups, newest first. */
  listBackups: { args: z.object({}), result: z.array(BackupSchema) },
  /** Replaces the open document with one of its backups, after backing up its current state. */
  restoreBackup: { args: z.object({ id: z.string().min(1).max(255) }), result: DocumentInfoSchema },
  /** The calling session's access to the live room and the key its WebSocket presents. */
  roomAccess: { args: z.object({}), result: RoomAccessSchema },
  /** Shares the rooms on the LAN with fresh keys (the host's session only; refused while sharing). */
  startSharing: { args: StartSharingArgsSchema, result: ShareInfoSchema },
  /** Revokes the keys: every participant's session and room connection ends at once. */
  stopSharing: { args: z.object({}), result: z.object({ stopped: z.boolean() }) },
  /** The current share, or null when the rooms are not shared. */
  sharingStatus: { args: z.object({}), result: ShareInfoSchema.nullable() },
  /** The session log of a map's live room, oldest first (the host's session only). */
  roomLog: {
    args: z.object({ mapId: IdSchema }),
    result: z.object({ entries: z.array(RoomLogEntrySchema) }),
  },
  /** A map's saved versions, in the order they were saved. */
  listVersions: { args: MapRef, result: z.array(VersionSummarySchema) },
  /**
   * Names the map's present state as a version (the label is checked by the storage, which says
   * why it refuses one in both languages; nothing is written then).
   */
  saveVersion: {
    args: MapRef.extend({ label: z.string().max(10_000), author: z.string().max(10_000).optional() }),
    result: VersionSummarySchema,
  },
  /** A saved version's map as it was: to open read-only, compare with now, or restore from. */
  loadVersion: {
    args: MapRef.extend({ versionId: IdSchema }),
    result: z.object({ version: VersionSummarySchema, name: z.string(), content: MapContentSchema }),
  },
  /** "Start next quarter from this version": a new map holding the version's content, same ids. */
  startFromVersion: {
    args: MapRef.extend({ versionId: IdSchema, name: MapNameSchema }),
    result: MapSummarySchema,
  },
} as const satisfies Record<MethodName, MethodSpec>;

// Every contract entry is a listed method name (the reverse is checked by `satisfies` above).
type Unlisted = Exclude<keyof typeof contract, MethodName>;
const noUnlistedMethods: Unlisted extends never ? true : never = true;
void noUnlistedMethods;

export type Contract = typeof contract;
export type MethodArgs<K extends MethodName> = z.input<Contract[K]['args']>;
export type ParsedArgs<K extends MethodName> = z.output<Contract[K]['args']>;
export type MethodResult<K extends MethodName> = z.output<Contract[K]['result']>;

/** The API as the renderer sees it on `window.throughline`: one promise-returning function per method. */
export type ThroughlineApi = { [K in MethodName]: (args: MethodArgs<K>) => Promise<MethodResult<K>> };

/** The implementation the main process provides: arguments arrive already validated. */
export type Handlers = {
  [K in MethodName]: (args: ParsedArgs<K>) => MethodResult<K> | Promise<MethodResult<K>>;
};

/**
 * What a transport carries: the same methods answering an ApiResponse instead of throwing, because
 * an Error thrown across Electron's contextBridge loses its code. `window.throughline` in the desktop
 * app has this shape; the renderer's client turns it into a ThroughlineApi.
 */
export type TransportApi = {
  [K in MethodName]: (args: MethodArgs<K>) => Promise<ApiResponse<MethodResult<K>>>;
};
