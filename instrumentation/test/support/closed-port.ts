import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback URL where nothing listens: a port the system handed out and we let go again. */
export async function closedPortUrl(): Promise<string> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return `http://127.0.0.1:${port}`;
}
