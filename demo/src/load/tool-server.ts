// Starts the load tool's API (tool-process.ts) in a child process on loopback.
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export interface ToolServer {
  baseUrl: string;
  stop(): void;
}

export function startToolServer(responseBytes: number): Promise<ToolServer> {
  const child: ChildProcess = fork(path.join(__dirname, 'tool-process.js'), [String(responseBytes)], {
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The load tool's API exited with code ${code} before listening`)));
    child.once('message', (message: { port?: number }) => {
      if (!message.port) return reject(new Error("The load tool's API did not report a port"));
      resolve({ baseUrl: `http://127.0.0.1:${message.port}`, stop: () => child.kill() });
    });
  });
}
