// Load generator of benchmarks/run.sh: runs each scenario with autocannon (programmatically, in this one Node.js
// thread), one after another against a running CertGrid server, and writes raw JSON plus a Markdown table.
//
// Input (environment, set by run.sh):
//   BENCH_BASE_URL     e.g. http://127.0.0.1:5090
//   BENCH_KEYS_FILE    the demo seeder's keys file (adminKey, partnerKey, sampleCredentialUrl, ...)
//   BENCH_JWT_FILE     the sample credential's VC-JWT
//   BENCH_DURATION     seconds per measured run (default 15)
//   BENCH_CONNECTIONS  concurrent connections (default 50)
//   BENCH_WARMUP       seconds of a discarded warm-up run before each measured run (default 3)
//   BENCH_SERVER_PID   optional: the server's pid, to report the CPU time it used per scenario
//   BENCH_STACK_PIDS   optional: Azurite and redis-server pids (space-separated), likewise
//   BENCH_OUT          where to write the raw JSON results
//   BENCH_SCENARIOS    optional: a comma-separated subset of scenario ids to run (default: all)
//   BENCH_DISTINCT_FILE optional: the seeder's list of distinct credentials ({ seconds, credentialUrls }); the
//                      *-distinct scenarios run only with it, each request naming the next credential of the list
//   BENCH_DISTINCT_PAUSE seconds to wait before each *-distinct scenario (default 31: past the gateway's default
//                      Verification:ResultLifetime, 30 s), so every scenario starts with no reusable verification
//                      result and builds its own during its warm-up, which lasts until it has gone once through
//                      the whole list (see docs/benchmarks.md)
//
// Every scenario is checked before it is measured (status 2xx, no GraphQL "errors", the expected data), and every
// response during the runs is checked again (autocannon's non-2xx count and a body check counted as mismatches).
// Any failure is printed and the process exits 1 after writing what it measured: a benchmark of error responses
// is worthless.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { execSync } from 'node:child_process';
import os from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const autocannonVersion = require('autocannon/package.json').version;

const env = (name, fallback) => {
  const value = process.env[name];
  if (value === undefined || value === '') {
    if (fallback === undefined) throw new Error(`${name} is required`);
    return fallback;
  }
  return value;
};
const positiveInt = (name, fallback) => {
  const value = Number(env(name, String(fallback)));
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};

const baseUrl = env('BENCH_BASE_URL').replace(/\/$/, '');
const keys = JSON.parse(readFileSync(env('BENCH_KEYS_FILE'), 'utf8'));
const jwt = readFileSync(env('BENCH_JWT_FILE'), 'utf8').trim();
const duration = positiveInt('BENCH_DURATION', 15);
const connections = positiveInt('BENCH_CONNECTIONS', 50);
const warmup = positiveInt('BENCH_WARMUP', 3);
const distinctPause = positiveInt('BENCH_DISTINCT_PAUSE', 31);
const serverPid = process.env.BENCH_SERVER_PID ? Number(process.env.BENCH_SERVER_PID) : null;
const stackPids = (process.env.BENCH_STACK_PIDS || '').split(/\s+/).filter(Boolean).map(Number);
const outFile = env('BENCH_OUT', '');
const only = (process.env.BENCH_SCENARIOS || '').split(',').map((id) => id.trim()).filter(Boolean);
// The credential's id URL (the JWT's jti): verifying by id is the other way a partner asks.
const credentialId = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')).jti;
if (duration < 1 || connections < 1) throw new Error('BENCH_DURATION and BENCH_CONNECTIONS must be at least 1');

// The distinct credentials' VC-JWTs, fetched once from their id URLs (Accept: application/vc+jwt), 32 at a time.
const distinct = await (async () => {
  const file = process.env.BENCH_DISTINCT_FILE;
  if (!file) return null;
  const seeded = JSON.parse(readFileSync(file, 'utf8'));
  const started = performance.now();
  const jwts = new Array(seeded.credentialUrls.length);
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < jwts.length) {
      const i = next++;
      const response = await fetch(baseUrl + new URL(seeded.credentialUrls[i]).pathname, { headers: { accept: 'application/vc+jwt' } });
      const text = (await response.text()).trim();
      if (response.status !== 200 || text.split('.').length !== 3) throw new Error(`credential ${seeded.credentialUrls[i]}: HTTP ${response.status} ${text.slice(0, 200)}`);
      jwts[i] = text;
    }
  }));
  if (new Set(jwts).size !== jwts.length) throw new Error('the distinct credentials are not all different');
  const fetchSeconds = (performance.now() - started) / 1000;
  console.log(`Fetched ${jwts.length} distinct VC-JWTs in ${fetchSeconds.toFixed(1)} s (seeded in ${seeded.seconds.toFixed(1)} s).`);
  return { jwts, seedingSeconds: seeded.seconds, seedingInFlight: seeded.inFlight, fetchSeconds };
})();
// Every distinct credential is verified once before anything is measured (through /verify, 32 at a time): both
// *-distinct scenarios then meet the same warm server (each credential's grain active, its parse and signature learnt
// by the silo), instead of the first one paying for the cold start the second one profits from.
if (distinct) {
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < distinct.jwts.length) {
      const jwt = distinct.jwts[next++];
      const response = await fetch(`${baseUrl}/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ credential: jwt }) });
      const text = await response.text();
      if (!text.includes('"valid":true')) throw new Error(`priming: a distinct credential does not verify: HTTP ${response.status} ${text.slice(0, 300)}`);
    }
  }));
  distinct.primeSeconds = (performance.now() - started) / 1000;
  console.log(`Verified each of the ${distinct.jwts.length} distinct credentials once in ${distinct.primeSeconds.toFixed(1)} s (not measured).`);
}
// Each request of a *-distinct scenario names the next credential of the list, round and round.
let distinctIndex = 0;
const nextDistinct = () => distinct.jwts[distinctIndex++ % distinct.jwts.length];

for (const name of ['adminKey', 'partnerKey']) {
  if (!keys[name]) throw new Error(`the keys file has no ${name}`);
}

const GRAPHQL_ACCEPT = 'application/graphql-response+json';
const graphql = (query, variables, key) => ({
  method: 'POST',
  path: '/graphql',
  headers: {
    'content-type': 'application/json',
    accept: GRAPHQL_ACCEPT,
    ...(key ? { authorization: `Bearer ${key}` } : {}),
  },
  body: JSON.stringify(variables ? { query, variables } : { query }),
});

// A GraphQL body is good when it has no "errors" member and contains the marker of the expected data.
// verify-graphql-executed's body without its closing brace: {"query":…,"variables":{"c":"<JWT>"}
const executedPrefix = JSON.stringify({ query: 'query($c:String!){ verifyCredential(credential:$c){ valid checks { name outcome } } }', variables: { c: jwt } }).slice(0, -1);

const graphqlOk = (marker) => (body) => !body.includes('"errors"') && body.includes(marker);

const scenarios = [
  {
    id: 'health',
    title: 'GET /health/live (bare minimal API, floor)',
    request: { method: 'GET', path: '/health/live', headers: {} },
    ok: (body) => body.includes('"status":"Healthy"'),
    inspect: (body) => (JSON.parse(body).status === 'Healthy' ? null : `expected {"status":"Healthy",…}, got ${body.slice(0, 200)}`),
  },
  {
    // The bare baseline is POST /verify with a JSON body, the same minimal-API endpoint as GET /verify?credential=.
    // GET cannot carry this credential: the demo's VC-JWT is longer than Kestrel's default request-line limit
    // (8 KiB), so GET /verify?credential=<JWT> answers 414 (probed and recorded below, under "probes").
    id: 'verify-bare',
    title: 'POST /verify {"credential":<JWT>} (bare minimal API verification)',
    request: {
      method: 'POST',
      path: '/verify',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ credential: jwt }),
    },
    ok: (body) => body.includes('"valid":true'),
    inspect: (body) => {
      const json = JSON.parse(body);
      if (json.valid !== true) return `verification is not valid: ${body.slice(0, 500)}`;
      if (!Array.isArray(json.checks) || json.checks.length === 0) return 'verification has no checks';
      return null;
    },
  },
  {
    id: 'verify-graphql',
    title: 'POST /graphql verifyCredential (same verification over GraphQL)',
    request: graphql(
      'query($c:String!){ verifyCredential(credential:$c){ valid checks { name outcome } } }',
      { c: jwt }),
    ok: graphqlOk('"valid":true'),
    inspect: (body) => {
      const json = JSON.parse(body);
      if (json.errors) return `GraphQL errors: ${JSON.stringify(json.errors).slice(0, 500)}`;
      const result = json.data?.verifyCredential;
      if (result?.valid !== true) return `verification is not valid: ${body.slice(0, 500)}`;
      if (!Array.isArray(result.checks) || result.checks.length === 0) return 'verification has no checks';
      return null;
    },
  },
  {
    // The same verification, each request made unique by a number in its `extensions` (ignored by the server, but part
    // of the request the whole-response cache compares): it cannot be replayed, so every request is executed
    // (verification-result cache hit) and serialized; the query text stays the same, as a real client's does.
    id: 'verify-graphql-executed',
    title: 'POST /graphql verifyCredential, every request distinct (executed, never replayed)',
    request: graphql(
      'query($c:String!){ verifyCredential(credential:$c){ valid checks { name outcome } } }',
      { c: jwt }),
    // The same bytes JSON.stringify gave for the whole body, built from a prefix made once: stringifying the 10.7 KB
    // JWT again for every request took the load generator's CPU from the server it shares the machine with.
    varyBody: (n) => `${executedPrefix},"extensions":{"request":${JSON.stringify(n)}}}`,
    ok: graphqlOk('"valid":true'),
    inspect: (body) => {
      const json = JSON.parse(body);
      if (json.errors) return `GraphQL errors: ${JSON.stringify(json.errors).slice(0, 500)}`;
      return json.data?.verifyCredential?.valid === true ? null : `verification is not valid: ${body.slice(0, 500)}`;
    },
  },
  {
    id: 'verify-graphql-id',
    title: 'POST /graphql verifyCredential by id URL (the same credential, looked up by its id)',
    request: graphql(
      'query($c:String!){ verifyCredential(credential:$c){ valid checks { name outcome } } }',
      { c: credentialId }),
    ok: graphqlOk('"valid":true'),
    inspect: (body) => {
      const json = JSON.parse(body);
      if (json.errors) return `GraphQL errors: ${JSON.stringify(json.errors).slice(0, 500)}`;
      return json.data?.verifyCredential?.valid === true ? null : `verification is not valid: ${body.slice(0, 500)}`;
    },
  },
  {
    // The partner workload of issue 16: every request verifies another credential, so no two consecutive requests
    // are alike; a credential comes round again only after all the others.
    id: 'verify-bare-distinct',
    title: 'POST /verify, a different credential in every request (bare minimal API)',
    distinct: true,
    request: { method: 'POST', path: '/verify', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{}' },
    varyBody: () => JSON.stringify({ credential: nextDistinct() }),
    ok: (body) => body.includes('"valid":true'),
    inspect: (body) => (JSON.parse(body).valid === true ? null : `verification is not valid: ${body.slice(0, 500)}`),
  },
  {
    // The same over GraphQL, the query text a partner's client sends every time; a unique number in `extensions` as
    // well, so not even a credential's second round can be replayed by the whole-response cache: every request is
    // executed and serialized. (Until 2026-12-04 a unique trailing comment did this, which also made every query text
    // new, so each request was parsed and validated again as no real client's would be.)
    id: 'verify-graphql-distinct',
    title: 'POST /graphql verifyCredential, a different credential in every request (never replayed)',
    distinct: true,
    request: graphql('query($c:String!){ verifyCredential(credential:$c){ valid checks { name outcome } } }', { c: '' }),
    varyBody: (n) => JSON.stringify({ query: 'query($c:String!){ verifyCredential(credential:$c){ valid checks { name outcome } } }', variables: { c: nextDistinct() }, extensions: { request: n } }),
    ok: graphqlOk('"valid":true'),
    inspect: (body) => {
      const json = JSON.parse(body);
      if (json.errors) return `GraphQL errors: ${JSON.stringify(json.errors).slice(0, 500)}`;
      return json.data?.verifyCredential?.valid === true ? null : `verification is not valid: ${body.slice(0, 500)}`;
    },
  },
  {
    id: 'typename',
    title: 'POST /graphql { __typename } (GraphQL floor)',
    request: graphql('{ __typename }'),
    ok: graphqlOk('"__typename"'),
    inspect: (body) => {
      const json = JSON.parse(body);
      if (json.errors) return `GraphQL errors: ${JSON.stringify(json.errors).slice(0, 500)}`;
      return typeof json.data?.__typename === 'string' ? null : `no __typename: ${body.slice(0, 200)}`;
    },
  },
  {
    id: 'credentials-partner',
    title: 'POST /graphql credentials(first: 10) (partner key, read model via grains)',
    request: graphql('{ credentials(first: 10) { nodes { id holderName achievementName status } } }', undefined, keys.partnerKey),
    ok: graphqlOk('"nodes":[{'),
    inspect: (body) => {
      const json = JSON.parse(body);
      if (json.errors) return `GraphQL errors: ${JSON.stringify(json.errors).slice(0, 500)}`;
      const nodes = json.data?.credentials?.nodes;
      return Array.isArray(nodes) && nodes.length > 0 ? null : `no credentials returned: ${body.slice(0, 300)}`;
    },
  },
  {
    id: 'learners-admin',
    title: 'POST /graphql learners(first: 20) (admin key, read model via grains)',
    request: graphql('{ learners(first: 20) { nodes { id name } } }', undefined, keys.adminKey),
    ok: graphqlOk('"nodes":[{'),
    inspect: (body) => {
      const json = JSON.parse(body);
      if (json.errors) return `GraphQL errors: ${JSON.stringify(json.errors).slice(0, 500)}`;
      const nodes = json.data?.learners?.nodes;
      return Array.isArray(nodes) && nodes.length > 0 ? null : `no learners returned: ${body.slice(0, 300)}`;
    },
  },
  {
    // The credential as a verifier fetches it (its id URL, JSON-LD): one grain read.
    id: 'credential-json',
    title: 'GET credential id URL, Accept application/ld+json (the credential\'s JSON)',
    request: { method: 'GET', path: new URL(credentialId).pathname, headers: { accept: 'application/ld+json' } },
    ok: (body) => body.includes('"OpenBadgeCredential"'),
    inspect: (body) => (body.includes('"OpenBadgeCredential"') ? null : `not the credential's JSON: ${body.slice(0, 200)}`),
  },
  {
    // The same URL as a browser asks for it: the verification page, its checks computed for the request.
    id: 'credential-page',
    title: 'GET credential id URL, Accept text/html (the verification page, reused while its checks hold)',
    request: { method: 'GET', path: new URL(credentialId).pathname, headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-language': 'en' } },
    ok: (body) => body.includes('data-verdict="valid"'),
    inspect: (body) => (body.includes('data-verdict="valid"') ? null : `no valid verdict on the page: ${body.slice(0, 300)}`),
  },
].filter((scenario) => (only.length === 0 || only.includes(scenario.id)) && (!scenario.distinct || distinct));
for (const id of only) {
  if (id.endsWith('-distinct') && !distinct) throw new Error(`${id} needs distinct credentials: set BENCH_DISTINCT_CREDENTIALS`);
}

// --- helpers -------------------------------------------------------------------------------------------------

const clockTicks = (() => {
  try { return Number(execSync('getconf CLK_TCK').toString().trim()) || 100; } catch { return 100; }
})();

/** CPU seconds (user + system) a process has used so far, or null when unknown. */
function processCpuSeconds(pid) {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime is field 14, stime field 15.
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole machine so far (all cores, from /proc/stat), or null when unknown. */
function machineBusySeconds() {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal ...: busy = everything but idle and iowait.
    const busy = cpu.reduce((sum, v) => sum + v, 0) - cpu[3] - (cpu[4] || 0);
    return busy / clockTicks;
  } catch {
    return null;
  }
}

const serverCpuSeconds = () => processCpuSeconds(serverPid);
/** CPU seconds Azurite and redis-server have used so far, or null when unknown. */
function stackCpuSeconds() {
  if (stackPids.length === 0) return null;
  let total = 0;
  for (const pid of stackPids) {
    const cpu = processCpuSeconds(pid);
    if (cpu === null) return null;
    total += cpu;
  }
  return total;
}

/**
 * Waits (up to 3 minutes) until the server, Azurite and Redis are idle for 3 s in a row (under 0.15 cores together),
 * so work left behind by the seeding or an earlier scenario (effects, projections) is not charged to the next one.
 */
async function untilQuiet() {
  const started = Date.now();
  let quietSince = null;
  while (Date.now() - started < 180_000) {
    const before = (serverCpuSeconds() ?? 0) + (stackCpuSeconds() ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const busyCores = (serverCpuSeconds() ?? 0) + (stackCpuSeconds() ?? 0) - before;
    quietSince = busyCores < 0.15 ? (quietSince ?? Date.now() - 1000) : null;
    if (quietSince !== null && Date.now() - quietSince >= 3000) return;
  }
  console.log('  … the stack did not go quiet within 3 minutes; measuring anyway');
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

async function preflight(scenario) {
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const { method, path, headers } = scenario.request;
    const body = scenario.varyBody ? scenario.varyBody(`preflight-${i}`) : scenario.request.body;
    const response = await fetch(baseUrl + path, { method, headers, body });
    const text = await response.text();
    let problem = null;
    if (response.status < 200 || response.status > 299) problem = `HTTP ${response.status}: ${text.slice(0, 500)}`;
    else {
      try { problem = scenario.inspect(text); } catch (error) { problem = `unreadable response (${error.message}): ${text.slice(0, 300)}`; }
      if (!problem && !scenario.ok(text)) problem = `the in-run body check would reject this response: ${text.slice(0, 300)}`;
    }
    samples.push({ status: response.status, contentType: response.headers.get('content-type'), bytes: Buffer.byteLength(text), body: text.slice(0, 2000), problem });
  }
  return samples;
}

let varied = 0;
function run(scenario, seconds, record) {
  const { method, path, headers, body } = scenario.request;
  const latencies = [];
  const instance = autocannon({
    url: baseUrl + path,
    method,
    headers,
    body,
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 10,
    verifyBody: scenario.ok,
    // A scenario that must not repeat itself gets a new body for every request.
    ...(scenario.varyBody ? { requests: [{ setupRequest: (request) => ({ ...request, body: scenario.varyBody(`${seconds}-${varied++}`) }) }] } : {}),
  });
  if (record) instance.on('response', (_client, _status, _bytes, responseTime) => { latencies.push(responseTime); });
  return instance.then((result) => ({ result, latencies }));
}

const fmt = (value, digits = 2) => (value === null || value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits));
const ratio = (a, b) => (a && b ? a / b : null);

// --- main ----------------------------------------------------------------------------------------------------

const cpuModel = (() => {
  try { return (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m) || [])[1] || os.cpus()[0]?.model; } catch { return os.cpus()[0]?.model; }
})();

const report = {
  date: new Date().toISOString(),
  baseUrl,
  settings: { durationSeconds: duration, warmupSeconds: warmup, connections, pipelining: 1 },
  machine: {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
  },
  tools: { node: process.version, autocannon: autocannonVersion },
  credential: { jwtLength: jwt.length, urlEncodedLength: encodeURIComponent(jwt).length },
  distinctCredentials: distinct && {
    count: distinct.jwts.length,
    meanJwtLength: Math.round(distinct.jwts.reduce((sum, j) => sum + j.length, 0) / distinct.jwts.length),
    seedingSeconds: distinct.seedingSeconds,
    seedingInFlight: distinct.seedingInFlight,
    jwtFetchSeconds: distinct.fetchSeconds,
    primeSeconds: distinct.primeSeconds,
  },
  scenarios: [],
};

// GET /verify?credential=<JWT>, once: recorded, not benchmarked (see the verify-bare scenario).
{
  const url = `${baseUrl}/verify?credential=${encodeURIComponent(jwt)}`;
  const response = await fetch(url);
  const text = await response.text();
  report.probes = [{
    request: 'GET /verify?credential=<url-encoded JWT>',
    requestLineBytes: Buffer.byteLength(`GET ${url.slice(baseUrl.length)} HTTP/1.1`),
    status: response.status,
    body: text.slice(0, 500),
  }];
  console.log(`Probe: GET /verify?credential=<JWT> (request line ${report.probes[0].requestLineBytes} bytes) answers ${response.status}.`);
}

const failures = [];
console.log(`Benchmarking ${baseUrl}: ${scenarios.length} scenarios, ${duration}s each after a ${warmup}s warm-up, ${connections} connections.`);

for (const scenario of scenarios) {
  const entry = { id: scenario.id, title: scenario.title, request: { method: scenario.request.method, path: scenario.request.path.slice(0, 120), body: scenario.request.body?.slice(0, 300) } };
  report.scenarios.push(entry);

  entry.preflight = await preflight(scenario);
  const bad = entry.preflight.find((s) => s.problem);
  if (bad) {
    failures.push(`${scenario.id}: pre-flight check failed: ${bad.problem}`);
    console.error(`  ✗ ${scenario.id}: pre-flight check failed: ${bad.problem}`);
    continue;
  }

  // The same cache conditions for every *-distinct scenario: whatever an earlier scenario left in the gateway's
  // verification cache has expired before it starts, and its own first round through the list is its misses.
  if (scenario.distinct && distinctPause > 0) {
    console.log(`  … waiting ${distinctPause} s for the verification results of earlier requests to expire`);
    await new Promise((resolve) => setTimeout(resolve, distinctPause * 1000));
    await untilQuiet();
  }

  if (warmup > 0) {
    const { result } = await run(scenario, warmup, false);
    entry.warmup = { requests: result.requests.total, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, mismatches: result.mismatches };
    // A *-distinct scenario warms up until its first round through the list is done (at most 5 more warm-ups), so
    // neither scenario measures its own first-round misses, whatever its speed.
    for (let extra = 0; scenario.distinct && extra < 5 && entry.warmup.requests < distinct.jwts.length; extra++) {
      const { result: more } = await run(scenario, warmup, false);
      for (const key of ['non2xx', 'errors', 'timeouts', 'mismatches']) entry.warmup[key] += more[key];
      entry.warmup.requests += more.requests.total;
    }
  }

  // Where the scenario's first round through the distinct credentials ended: inside the warm-up means every measured
  // request met a result its own scenario computed less than (warm-up + duration) seconds earlier.
  if (scenario.distinct) {
    entry.distinctPauseSeconds = distinctPause;
    entry.firstRoundRequestsMeasured = Math.max(0, distinct.jwts.length - (entry.warmup?.requests ?? 0));
  }

  const cpuBefore = serverCpuSeconds();
  const machineBefore = machineBusySeconds();
  const stackBefore = stackCpuSeconds();
  const selfBefore = process.cpuUsage();
  const { result, latencies } = await run(scenario, duration, true);
  const selfCpu = process.cpuUsage(selfBefore);
  const cpuAfter = serverCpuSeconds();
  const machineAfter = machineBusySeconds();
  const stackAfter = stackCpuSeconds();

  latencies.sort((a, b) => a - b);
  const completed = result.requests.total;
  const serverCpu = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
  entry.summary = {
    requestsPerSecondMean: result.requests.average,
    requestsPerSecondStddev: result.requests.stddev,
    requestsTotal: completed,
    latencyMs: {
      mean: latencies.reduce((s, v) => s + v, 0) / (latencies.length || 1),
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? null,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
    statusCodes: result.statusCodeStats,
    serverCpuSeconds: serverCpu,
    serverCpuCoresUsed: serverCpu === null ? null : serverCpu / result.duration,
    serverCpuMsPerRequest: serverCpu === null || !completed ? null : (serverCpu * 1000) / completed,
    loadGeneratorCpuCoresUsed: (selfCpu.user + selfCpu.system) / 1e6 / result.duration,
  };
  // CPU Azurite + redis-server used, and what the rest of the machine used meanwhile (other processes, the kernel's
  // own threads): when the latter is large,
  // something else competed for the cores and the figures are not comparable.
  {
    const s = entry.summary;
    s.machineCpuCoresUsed = machineBefore === null || machineAfter === null ? null : (machineAfter - machineBefore) / result.duration;
    s.stackCpuCoresUsed = stackBefore === null || stackAfter === null ? null : (stackAfter - stackBefore) / result.duration;
    s.otherCpuCoresUsed = s.machineCpuCoresUsed === null || s.serverCpuCoresUsed === null
      ? null : Math.max(0, s.machineCpuCoresUsed - s.serverCpuCoresUsed - s.loadGeneratorCpuCoresUsed - (s.stackCpuCoresUsed ?? 0));
  }
  entry.autocannon = result;

  const s = entry.summary;
  const problems = [];
  if (s.non2xx) problems.push(`${s.non2xx} non-2xx responses (${JSON.stringify(s.statusCodes)})`);
  if (s.errors) problems.push(`${s.errors} connection errors`);
  if (s.timeouts) problems.push(`${s.timeouts} timeouts`);
  if (s.mismatches) problems.push(`${s.mismatches} responses failed the body check (GraphQL errors or unexpected data)`);
  if (!completed) problems.push('no request completed');
  if (problems.length) failures.push(`${scenario.id}: ${problems.join('; ')}`);
  if (s.otherCpuCoresUsed !== null && s.otherCpuCoresUsed > 0.25) {
    console.warn(`  ! ${scenario.id}: other processes used ${fmt(s.otherCpuCoresUsed)} cores during the run; its figures are disturbed.`);
  }
  console.log(`  ${problems.length ? '✗' : '✓'} ${scenario.id.padEnd(20)} ${fmt(s.requestsPerSecondMean, 0).padStart(7)} req/s  p50 ${fmt(s.latencyMs.p50)} ms  p99 ${fmt(s.latencyMs.p99)} ms  server ${fmt(s.serverCpuCoresUsed)} cores  load generator ${fmt(s.loadGeneratorCpuCoresUsed)} cores  Azurite+Redis ${fmt(s.stackCpuCoresUsed)} cores  other ${fmt(s.otherCpuCoresUsed)} cores${problems.length ? `  — ${problems.join('; ')}` : ''}`);
}

// --- ratios and table ------------------------------------------------------------------------------------------

const byId = Object.fromEntries(report.scenarios.map((e) => [e.id, e.summary]));
const ratioRow = (label, a, b) => {
  const x = byId[a], y = byId[b];
  return {
    label, numerator: a, denominator: b,
    throughput: ratio(x?.requestsPerSecondMean, y?.requestsPerSecondMean),
    p50: ratio(x?.latencyMs.p50, y?.latencyMs.p50),
    p99: ratio(x?.latencyMs.p99, y?.latencyMs.p99),
    serverCpuPerRequest: ratio(x?.serverCpuMsPerRequest, y?.serverCpuMsPerRequest),
  };
};
report.ratios = [
  ratioRow('GraphQL verify / bare verify', 'verify-graphql', 'verify-bare'),
  ratioRow('GraphQL verify / GraphQL `{ __typename }`', 'verify-graphql', 'typename'),
  ratioRow('GraphQL verify by id / GraphQL `{ __typename }`', 'verify-graphql-id', 'typename'),
  ratioRow('GraphQL verify, executed every time / bare verify', 'verify-graphql-executed', 'verify-bare'),
  ratioRow('GraphQL verify, executed every time / GraphQL `{ __typename }`', 'verify-graphql-executed', 'typename'),
  ratioRow('GraphQL `{ __typename }` / bare health', 'typename', 'health'),
  ratioRow('GraphQL verify / bare verify, a different credential in every request', 'verify-graphql-distinct', 'verify-bare-distinct'),
  ratioRow('Verification page / the credential\'s JSON', 'credential-page', 'credential-json'),
];
report.failures = failures;
// More than a quarter of a core used by processes other than the server, the load generator, Azurite and Redis.
report.disturbed = report.scenarios.filter((e) => (e.summary?.otherCpuCoresUsed ?? 0) > 0.25).map((e) => e.id);

const lines = [];
lines.push(`| Scenario | Requests/s (mean) | p50 ms | p99 ms | Non-2xx | Server CPU ms/request | Server cores | Load-gen cores | Azurite+Redis cores | Other cores |`);
lines.push(`|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|`);
for (const entry of report.scenarios) {
  const s = entry.summary;
  if (!s) { lines.push(`| ${entry.title} | failed pre-flight | | | | | | | | |`); continue; }
  lines.push(`| ${entry.title} | ${fmt(s.requestsPerSecondMean, 0)} | ${fmt(s.latencyMs.p50)} | ${fmt(s.latencyMs.p99)} | ${s.non2xx} | ${fmt(s.serverCpuMsPerRequest, 3)} | ${fmt(s.serverCpuCoresUsed)} | ${fmt(s.loadGeneratorCpuCoresUsed)} | ${fmt(s.stackCpuCoresUsed)} | ${fmt(s.otherCpuCoresUsed)} |`);
}
lines.push('');
lines.push(`| Ratio | Requests/s | p50 | p99 | Server CPU per request |`);
lines.push(`|---|--:|--:|--:|--:|`);
for (const r of report.ratios) {
  lines.push(`| ${r.label} | ${fmt(r.throughput)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.serverCpuPerRequest)} |`);
}
if (report.disturbed.length) {
  lines.push('');
  lines.push(`Disturbed: other processes used more than 0.25 cores during ${report.disturbed.join(', ')}; rerun on a quiet machine before quoting these figures.`);
}
report.markdown = lines.join('\n');

if (outFile) {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(report, null, 2));
}

console.log('');
console.log(`${report.date} · ${report.machine.nproc} × ${report.machine.cpuModel} · ${report.machine.memoryGiB} GiB · Node ${process.version} · autocannon ${autocannonVersion} · ${connections} connections · ${duration}s per scenario after ${warmup}s warm-up`);
console.log('');
console.log(report.markdown);
console.log('');

if (failures.length) {
  console.error('BENCHMARK FAILED — these figures include error responses and must not be used:');
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
