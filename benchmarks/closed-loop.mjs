// The measuring half shared by the closed-loop load generators run through benchmarks/run.sh (wallet.mjs,
// direct-awards.mjs): their settings from the environment, and scenarios measured one after the other against the same
// server, each by N concurrent clients that start a new operation as soon as the last one answered, against the
// baseline scenario 'credential-read' of the same run.
//
// Environment (set by run.sh): BENCH_BASE_URL, BENCH_KEYS_FILE (the demo seeder's keys), BENCH_DURATION, BENCH_WARMUP,
// BENCH_SERVER_PID (for the server's CPU time), BENCH_OUT (the JSON report), and the script's own concurrency variable.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { execSync } from 'node:child_process';

const env = (name, fallback) => process.env[name] || fallback;

/** The run's settings; `concurrencyVariable` names the script's own concurrency setting (default 8). */
export function benchSettings(concurrencyVariable) {
  const keys = JSON.parse(readFileSync(env('BENCH_KEYS_FILE'), 'utf8'));
  return {
    baseUrl: env('BENCH_BASE_URL').replace(/\/$/, ''),
    keys,
    duration: Number(env('BENCH_DURATION', '15')),
    warmup: Number(env('BENCH_WARMUP', '3')),
    concurrency: Number(env(concurrencyVariable, '8')),
    serverPid: process.env.BENCH_SERVER_PID ? Number(process.env.BENCH_SERVER_PID) : null,
    outFile: env('BENCH_OUT', ''),
    credentialPath: '/' + keys.sampleCredentialUrl.replace(/^\//, ''),
  };
}

const clockTicks = (() => { try { return Number(execSync('getconf CLK_TCK').toString().trim()) || 100; } catch { return 100; } })();
const cpuSeconds = (pid) => {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch { return null; }
};

async function run(operation, seconds, concurrency) {
  const latencies = [];
  const failures = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) {
      const started = performance.now();
      try {
        await operation();
        latencies.push(performance.now() - started);
      } catch (error) {
        failures.push(String(error.message ?? error));
      }
    }
  }));
  return { latencies, failures };
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : null);
const fmt = (n, d = 1) => (n === null || n === undefined ? '' : n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));

/**
 * Measures each scenario ({ id, title, operation }) in turn, one of them 'credential-read' (the baseline), writes the
 * JSON report, prints its markdown table and exits: 1 when any operation failed.
 */
export async function measureAndExit(settings, scenarios) {
  const { baseUrl, duration, warmup, concurrency, serverPid, outFile } = settings;
  const report = { startedAt: new Date().toISOString(), baseUrl, duration, warmup, concurrency, scenarios: [] };
  let failed = false;
  for (const scenario of scenarios) {
    await scenario.operation(); // pre-flight: one that fails stops the benchmark before it measures errors
    await run(scenario.operation, warmup, concurrency);
    const cpuBefore = cpuSeconds(serverPid);
    const started = performance.now();
    const { latencies, failures } = await run(scenario.operation, duration, concurrency);
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuBefore === null ? null : cpuSeconds(serverPid) - cpuBefore;
    latencies.sort((a, b) => a - b);
    report.scenarios.push({
      id: scenario.id, title: scenario.title, completed: latencies.length, failures: failures.length, perSecond: latencies.length / seconds,
      p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), serverCpuMsPerOperation: cpu === null || !latencies.length ? null : (cpu * 1000) / latencies.length,
    });
    if (failures.length) { failed = true; console.error(`${scenario.id}: ${failures.length} failures, e.g. ${failures[0]}`); }
  }

  const read = report.scenarios.find((s) => s.id === 'credential-read');
  report.markdown = [
    `| Scenario (${concurrency} concurrent clients, ${duration} s) | Completed/s | p50 ms | p99 ms | Failures | Server CPU ms each | ÷ credential read |`,
    '|---|--:|--:|--:|--:|--:|--:|',
    ...report.scenarios.map((s) => `| ${s.title} | ${fmt(s.perSecond)} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${s.failures} | ${fmt(s.serverCpuMsPerOperation, 2)} | ${s === read ? '' : `**${fmt(s.perSecond / read.perSecond, 3)}×**`} |`),
  ].join('\n');
  if (outFile) { mkdirSync(dirname(outFile), { recursive: true }); writeFileSync(outFile, JSON.stringify(report, null, 2)); }
  console.log(report.markdown);
  process.exit(failed ? 1 : 0);
}
