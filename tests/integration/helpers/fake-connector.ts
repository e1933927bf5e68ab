import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST the connector received: its signature header and raw body. */
export interface Delivery {
  signature: string;
  body: string;
}

export interface FakeConnector {
  /** The URL to configure as `connectorUrl`. */
  url: string;
  /** Every POST received, in order. */
  delivered: Delivery[];
  close(): Promise<void>;
}

/** A real HTTP server on loopback standing in for a channel connector: it records what Atende sends and answers 202. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const delivered: Delivery[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      delivered.push({ signature: String(req.headers['x-atende-signature']), body });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    delivered,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
