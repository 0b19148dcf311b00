import { z } from 'zod';
import { IdSchema, MapContentSchema, MapLinkSchema, MapNameSchema, MapNodeSchema } from '../model/schemas';
import type { ApiResponse } from './errors';
import type { MethodName } from './methods';

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

/** A whole map as loaded into the canvas. `revision` grows by one with every saved change. */
export const MapDocumentSchema = MapContentSchema.extend({
  id: IdSchema,
  name: z.string(),
  revision: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MapDocument = z.output<typeof MapDocumentSchema>;

/**
 * An incremental save: only the nodes and links that changed since the last save.
 * `baseRevision` is the revision the editor last saw; a save based on an older one is a conflict.
 */
export const MapChangesSchema = z.object({
  mapId: IdSchema,
  baseRevision: z.number().int().nonnegative(),
  upsertNodes: z.array(MapNodeSchema).max(20_000).default([]),
  deleteNodeIds: z.array(IdSchema).max(20_000).default([]),
  upsertLinks: z.array(MapLinkSchema).max(60_000).default([]),
  deleteLinkIds: z.array(IdSchema).max(60_000).default([]),
});
export type MapChanges = z.output<typeof MapChangesSchema>;
export type MapChangesInput = z.input<typeof MapChangesSchema>;

const MapRef = z.object({ mapId: IdSchema });

/** Where the open document lives: the default library or a `.throughline` file. */
export const DocumentInfoSchema = z.object({
  path: z.string(),
  isLibrary: z.boolean(),
});

/**
 * The one API between the renderer and the main process. Each method names the zod schemas of its
 * argument and result; the main process validates every payload against them before it acts.
 */
export const contract = {
  listMaps: { args: z.object({}), result: z.array(MapSummarySchema) },
  createMap: { args: z.object({ name: MapNameSchema }), result: MapSummarySchema },
  renameMap: { args: MapRef.extend({ name: MapNameSchema }), result: MapSummarySchema },
  duplicateMap: { args: MapRef.extend({ name: MapNameSchema }), result: MapSummarySchema },
  deleteMap: { args: MapRef, result: z.object({ deleted: z.literal(true) }) },
  loadMap: { args: MapRef, result: MapDocumentSchema },
  saveChanges: { args: MapChangesSchema, result: z.object({ revision: z.number().int() }) },
  importMapJson: {
    args: z.object({ text: z.string().max(50_000_000), name: MapNameSchema.optional() }),
    result: MapSummarySchema,
  },
  exportMapJson: { args: MapRef, result: z.object({ fileName: z.string(), text: z.string() }) },
  documentInfo: { args: z.object({}), result: DocumentInfoSchema },
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
