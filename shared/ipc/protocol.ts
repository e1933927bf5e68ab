import { z } from 'zod';

export { BRIDGE_KEY, IPC_CHANNEL, type AtendeBridge } from './bridge';

/*
 * The tRPC-over-IPC wire protocol. One channel, plain JSON values (no transformer), shaped like
 * tRPC's own WebSocket messages so the semantics match the browser transport.
 */

/** A call id, unique among one renderer's in-flight calls. */
const IpcIdSchema = z.string().min(1).max(128);

/** A dotted procedure path such as `tickets.list`. */
const ProcedurePathSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[A-Za-z0-9_$]+(\.[A-Za-z0-9_$]+)*$/, 'not a procedure path');

/** Renderer → main: run a query, mutation or subscription. */
export const IpcCallRequestSchema = z
  .object({
    id: IpcIdSchema,
    type: z.enum(['query', 'mutation', 'subscription']),
    path: ProcedurePathSchema,
    /** The procedure's raw input; the procedure's own zod schema validates it. */
    input: z.unknown().optional(),
  })
  .strict();

/** Renderer → main: stop the subscription started with `id`. */
export const IpcStopRequestSchema = z
  .object({
    id: IpcIdSchema,
    type: z.literal('subscription.stop'),
  })
  .strict();

export const IpcRequestSchema = z.discriminatedUnion('type', [IpcCallRequestSchema, IpcStopRequestSchema]);

/**
 * The error shape produced by the router's `errorFormatter`. Only `code` (JSON-RPC number) and
 * `message` are required: that is what `TRPCClientError.from` needs; the rest passes through.
 */
export const IpcErrorShapeSchema = z
  .object({
    code: z.number().int(),
    message: z.string(),
    data: z.unknown().optional(),
  })
  .loose();

export const IpcResultSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('data'),
      data: z.unknown().optional(),
      /** Set when the subscription yielded `tracked(id, data)`. */
      id: z.string().optional(),
    })
    .strict(),
  z.object({ type: z.literal('started') }).strict(),
  z.object({ type: z.literal('stopped') }).strict(),
]);

/** Main → renderer: a result (query/mutation data, subscription started/data/stopped) or an error. */
export const IpcResponseSchema = z.union([
  z.object({ id: IpcIdSchema, result: IpcResultSchema }).strict(),
  /** `id` is null only when the request was too malformed to carry one. */
  z.object({ id: IpcIdSchema.nullable(), error: IpcErrorShapeSchema }).strict(),
]);

export type IpcCallRequest = z.infer<typeof IpcCallRequestSchema>;
export type IpcStopRequest = z.infer<typeof IpcStopRequestSchema>;
export type IpcRequest = z.infer<typeof IpcRequestSchema>;
export type IpcErrorShape = z.infer<typeof IpcErrorShapeSchema>;
export type IpcResult = z.infer<typeof IpcResultSchema>;
export type IpcResponse = z.infer<typeof IpcResponseSchema>;

/**
 * The two-function pipe between renderer and main. In Electron it is `window.atende.trpc`
 * (see `preload/index.ts`); tests wire it to the handler in-process.
 */
export interface IpcBridge {
  send(msg: IpcRequest): void;
  /** Subscribes to every message main sends this renderer; returns the unsubscribe function. */
  onMessage(cb: (msg: IpcResponse) => void): () => void;
}
