import { spawn, type ChildProcess } from 'node:child_process';

/** The address a harness server prints once it listens: `harness on http://127.0.0.1:<port>`. */
export const harnessUrl = (out: string): string | undefined => out.match(/harness on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];

/**
 * Starts a harness server script on a free port (`node <script> 0`). `server` is returned at
 * once, so the caller can stop it even when it never gets ready; `ready` resolves with what
 * `readyWhen` finds in the server's output so far, or rejects when the server exits first.
 */
export function startHarnessServer<T>(
  script: string,
  readyWhen: (out: string) => T | undefined
): { server: ChildProcess; ready: Promise<T> } {
  const server = spawn(process.execPath, [script, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<T>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = readyWhen(out);
      if (found !== undefined) {
        resolve(found);
      }
    });
    server.on('exit', (code) => reject(new Error(`harness server exited with ${code}: ${out}`)));
  });
  return { server, ready };
}
