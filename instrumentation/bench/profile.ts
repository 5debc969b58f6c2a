/**
 * Runs one benchmark setup alone, for a profiler:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof .bench-build/bench/profile.js "integration-logs" 20000
 * Setup names as in bench/setups.ts ("none", "bare undici", "integration-logs", ...).
 */
import { buildSetups, round, startToolProcess } from './setups.js';

async function main() {
  const name = process.argv[2] ?? 'integration-logs';
  const n = Number(process.argv[3] ?? 20_000);
  const tool = await startToolProcess();
  const { setups, close } = buildSetups();
  try {
    const setup = setups.find((s) => s.name === name);
    if (!setup) throw new Error(`no setup "${name}"; one of: ${setups.map((s) => s.name).join(', ')}`);
    await round(tool.url, setup, 1000); // warm up
    const cost = await round(tool.url, setup, n);
    console.log(
      `${name}: ${((cost.cpuMs * 1000) / n).toFixed(0)} µs CPU, ${((cost.wallMs * 1000) / n).toFixed(0)} µs wall per request`
    );
  } finally {
    await close();
    tool.child.kill();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
