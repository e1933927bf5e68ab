import { createTRPCClient } from '@trpc/client';
import {
  createIpcHandler,
  type IpcContextOptions,
  type IpcErrorInfo,
} from '../../../main/app/ipc/ipc-handler';
import { ipcLink } from '../../../renderer/lib/ipc-link';
import { connectFakeIpc } from './fake-ipc';
import { createProbe, createTestRouter, type TestRouter } from './test-router';

/** A handler on the test router, one connected renderer and its tRPC client. */
export function setupIpc(opts: { maxSubscriptionsPerEndpoint?: number } = {}) {
  const probe = createProbe();
  const contextCalls: IpcContextOptions[] = [];
  const errors: IpcErrorInfo[] = [];
  const handler = createIpcHandler({
    router: createTestRouter(probe),
    createContext: (ctxOpts) => {
      contextCalls.push(ctxOpts);
      return { tokenHolder: ctxOpts.tokenHolder };
    },
    onError: (info) => errors.push(info),
    ...opts,
  });
  const connect = (id?: string) => {
    const ipc = connectFakeIpc(handler, id);
    const client = createTRPCClient<TestRouter>({ links: [ipcLink<TestRouter>(ipc.bridge)] });
    return { ipc, client };
  };
  const { ipc, client } = connect();
  return { probe, handler, contextCalls, errors, ipc, client, connect };
}
