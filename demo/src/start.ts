// `npm run demo`: the demo tool and the demo integration as two child processes, wired to
// each other on 127.0.0.1. Stopping this process stops both; if one dies, so does the other.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { envNumber } from './shared/env.js';

const toolPort = envNumber('DEMO_TOOL_PORT', 4010, { min: 1, max: 65535 });
const integrationPort = envNumber('DEMO_INTEGRATION_PORT', 4011, { min: 1, max: 65535 });
const env = {
  ...process.env,
  DEMO_TOOL_PORT: String(toolPort),
  DEMO_INTEGRATION_PORT: String(integrationPort),
  DEMO_TOOL_URL: process.env.DEMO_TOOL_URL ?? `http://127.0.0.1:${toolPort}`,
  DEMO_WEBHOOK_URL: process.env.DEMO_WEBHOOK_URL ?? `http://127.0.0.1:${integrationPort}/webhooks`,
};

const children: ChildProcess[] = [
  fork(path.join(__dirname, 'tool', 'main.js'), { env, stdio: 'inherit' }),
  fork(path.join(__dirname, 'integration', 'main.js'), { env, stdio: 'inherit' }),
];

let exiting = false;
const stopAll = (signal: NodeJS.Signals) => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const child of children) {
  child.on('exit', (code, signal) => {
    if (!exiting) {
      exiting = true;
      if (code !== 0) console.error(`[demo] a demo process exited (${signal ?? `code ${code}`}); stopping the other`);
      stopAll('SIGTERM');
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(code ?? 0);
  });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    exiting = true;
    stopAll(signal);
  });
}
