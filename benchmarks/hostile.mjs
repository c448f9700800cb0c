// Hostile-input benchmark (issue 15), run by benchmarks/hostile.sh against a running CertGrid server whose keyless
// callers keep the production limits:
//
//   1. Time to refuse the worst documents of the issue, one request at a time, against { __typename } in the same run
//      (goal: each refused in under 50 ms).
//   2. A partner verifying credentials (autocannon, BENCH_CONNECTIONS connections, every request distinct so each is
//      executed), alone and then while one anonymous address floods the server with those documents
//      (BENCH_FLOOD_CONNECTIONS connections). Goal: the partner keeps at least 0.8x its throughput.
//
// Input (environment, set by run.sh): BENCH_BASE_URL, BENCH_KEYS_FILE, BENCH_JWT_FILE, BENCH_DURATION (s),
// BENCH_CONNECTIONS, BENCH_WARMUP (s), BENCH_OUT; optional BENCH_REFUSALS (requests per document, default 100) and
// BENCH_FLOOD_CONNECTIONS (default 50). Every refusal is checked (status and code), and every partner answer too:
// a benchmark of the wrong answers is worthless, so any mismatch fails the run.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import os from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

const env = (name, fallback) => process.env[name] || fallback;
const int = (name, fallback) => Number.parseInt(env(name, String(fallback)), 10);
const baseUrl = env('BENCH_BASE_URL').replace(/\/$/, '');
const keys = JSON.parse(readFileSync(env('BENCH_KEYS_FILE'), 'utf8'));
const jwt = readFileSync(env('BENCH_JWT_FILE'), 'utf8').trim();
const duration = int('BENCH_DURATION', 15);
const warmup = int('BENCH_WARMUP', 3);
const connections = int('BENCH_CONNECTIONS', 50);
const floodConnections = int('BENCH_FLOOD_CONNECTIONS', 50);
const refusals = int('BENCH_REFUSALS', 100);
const outFile = env('BENCH_OUT', '');

const repeat = (part, times) => `{${part.repeat(times)}}`;
const range = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('');

// The issue's worst documents, as a client without a key could send them; each must be refused with this code and limit.
const documents = [
  { id: 'typename', title: '{ __typename } (baseline)', query: '{ __typename }' },
  { id: 'repeated-3000', title: '3,000 copies of learners(first:1){nodes{id}}', query: repeat(' learners(first:1){nodes{id}}', 3000), limit: 'tokens' },
  { id: 'repeated-300', title: '300 copies of learners(first:1){nodes{id}}', query: repeat(' learners(first:1){nodes{id}}', 300), limit: 'repeatedSelections' },
  { id: 'aliases-10000', title: '10,000 aliases of __typename', query: `{${range(10000, (i) => ` a${i}:__typename`)}}`, limit: 'tokens' },
  { id: 'verify-500', title: '500 aliases of verifyCredential', query: `{${range(500, (i) => ` v${i}:verifyCredential(credential:"x"){valid}`)}}`, limit: 'aliases' },
  { id: 'exports-200', title: '200 aliases of auditLogJsonLines(first:1000)', query: `{${range(200, (i) => ` e${i}:auditLogJsonLines(first:1000){jsonLines}`)}}`, limit: 'aliases' },
  { id: 'records-100', title: '100 comprehensiveRecord (learners(first:100))', query: '{ learners(first:100) { nodes { comprehensiveRecord } } }', limit: 'cost' },
  { id: 'deep-81', title: 'a selection 81 levels deep', query: `{ __schema { types { fields { type { ${'ofType { '.repeat(77)}name${'}'.repeat(81)} }`, limit: 'depth' },
  { id: 'fragments-2^30', title: 'fragments doubling 30 times (2^30 fields)', query: `{ ...F30 } fragment F0 on Query { ping } ${range(30, (i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} } `)}`, limit: 'fields' },
];

const post = (query, key) => fetch(`${baseUrl}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
  body: JSON.stringify({ query }),
});

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const failures = [];

// --- 1. time to refuse ---------------------------------------------------------------------------------------
// Sent with the partner's key: refusals come before the cost is charged, and the key's request limit is open here.
const refusalResults = [];
for (const document of documents) {
  const times = [];
  for (let i = 0; i < refusals + 10; i++) {
    const started = performance.now();
    const response = await post(document.query, keys.partnerKey);
    const body = await response.json();
    const elapsed = performance.now() - started;
    if (i >= 10) times.push(elapsed);
    const error = body.errors?.[0];
    const problem = document.limit
      ? (response.status !== 400 || error?.extensions?.code !== 'QUERY_TOO_COMPLEX' || error?.extensions?.limit !== document.limit) && `expected QUERY_TOO_COMPLEX/${document.limit}, got HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`
      : (response.status !== 200 || body.data?.__typename !== 'Query') && `expected data, got HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`;
    if (problem) { failures.push(`${document.id}: ${problem}`); break; }
  }

  times.sort((a, b) => a - b);
  const bytes = Buffer.byteLength(JSON.stringify({ query: document.query }));
  refusalResults.push({ id: document.id, title: document.title, bytes, limit: document.limit ?? null, p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1) });
  console.log(`${document.id.padEnd(16)} ${String(bytes).padStart(7)} B  p50 ${percentile(times, 50).toFixed(2)} ms  p99 ${percentile(times, 99).toFixed(2)} ms`);
}

// --- 2. a partner verifying, alone and under an anonymous flood ----------------------------------------------
const verification = 'query($c:String!){ verifyCredential(credential:$c){ valid } }';
let distinct = 0;
const partnerLoad = (seconds) => autocannon({
  url: `${baseUrl}/graphql`,
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${keys.partnerKey}` },
  connections,
  duration: seconds,
  timeout: 10,
  verifyBody: (body) => body.includes('"valid":true') && !body.includes('"errors"'),
  requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: `${verification}\n# ${distinct++}`, variables: { c: jwt } }) }) }],
});

let flooded = 0;
const floodBodies = documents.filter((d) => d.limit).map((d) => JSON.stringify({ query: d.query }));
const flood = (seconds) => autocannon({
  url: `${baseUrl}/graphql`,
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  connections: floodConnections,
  duration: seconds,
  timeout: 10,
  requests: [{ setupRequest: (request) => ({ ...request, body: floodBodies[flooded++ % floodBodies.length] }) }],
});

const summary = (result) => ({
  requestsPerSecond: result.requests.average,
  latencyP50: result.latency.p50,
  latencyP99: result.latency.p99,
  completed: result.requests.total,
  non2xx: result.non2xx,
  mismatches: result.mismatches ?? 0,
  errors: result.errors,
  timeouts: result.timeouts,
  statusCodes: result.statusCodeStats,
});

if (warmup > 0) await partnerLoad(warmup);
console.log(`Partner alone: ${duration}s, ${connections} connections ...`);
const alone = summary(await partnerLoad(duration));
console.log(`Partner under a flood from one anonymous address (${floodConnections} connections): ${duration}s ...`);
const [underFlood, floodResult] = await Promise.all([partnerLoad(duration), flood(duration)]);
const withFlood = summary(underFlood);
const floodSummary = summary(floodResult);
for (const [name, run] of [['alone', alone], ['under flood', withFlood]]) {
  if (run.non2xx || run.mismatches || run.errors || run.timeouts) failures.push(`partner ${name}: ${run.non2xx} non-2xx, ${run.mismatches} wrong bodies, ${run.errors} errors, ${run.timeouts} timeouts`);
}

const baseline = refusalResults[0];
const worst = Math.max(...refusalResults.slice(1).map((r) => r.p50));
const keptRatio = withFlood.requestsPerSecond / alone.requestsPerSecond;
const report = {
  date: new Date().toISOString(),
  machine: { nproc: os.availableParallelism?.() ?? os.cpus().length, loadAverage: os.loadavg() },
  settings: { duration, warmup, connections, floodConnections, refusals, anonymousLimits: env('BENCH_ANONYMOUS_LIMITS', 'production') },
  refusals: refusalResults,
  partner: { alone, underFlood: withFlood, kept: keptRatio },
  flood: floodSummary,
  goals: { refusalUnder50ms: worst < 50, partnerKeeps80Percent: keptRatio >= 0.8 },
  failures,
};
if (outFile) { mkdirSync(dirname(outFile), { recursive: true }); writeFileSync(outFile, JSON.stringify(report, null, 2)); }

const f = (n, d = 2) => (n === null || n === undefined ? 'n/a' : Number(n).toFixed(d));
console.log('\n| Document | Body | Refused as | p50 ms | p99 ms | p50 vs `{ __typename }` |');
console.log('|---|---:|---|---:|---:|---:|');
for (const r of refusalResults) console.log(`| ${r.title} | ${r.bytes.toLocaleString('en')} B | ${r.limit ?? 'answered'} | ${f(r.p50)} | ${f(r.p99)} | ${f(r.p50 / baseline.p50)}x |`);
console.log('\n| Partner verifying (`verifyCredential`, distinct requests) | req/s | p50 ms | p99 ms |');
console.log('|---|---:|---:|---:|');
console.log(`| alone | ${f(alone.requestsPerSecond, 0)} | ${alone.latencyP50} | ${alone.latencyP99} |`);
console.log(`| while one anonymous address floods | ${f(withFlood.requestsPerSecond, 0)} | ${withFlood.latencyP50} | ${withFlood.latencyP99} |`);
console.log(`\nThe partner kept ${f(keptRatio)}x of its throughput (goal ≥ 0.8x); the flood sent ${f(floodSummary.requestsPerSecond, 0)} req/s, answered ${JSON.stringify(Object.fromEntries(Object.entries(floodSummary.statusCodes ?? {}).map(([k, v]) => [k, v.count])))}.`);
console.log(`Slowest refusal p50: ${f(worst)} ms (goal < 50 ms).`);
if (failures.length) { console.error(`\n${failures.length} checks failed:\n${failures.join('\n')}`); process.exit(1); }
