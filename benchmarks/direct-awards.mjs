// Load generator of benchmarks/direct-awards.sh (issue 19, part 5): credentials awarded per second by one of the
// community's systems, through the awardCredential mutation (admin key) and through the award webhook (HMAC-signed
// deliveries), each with a new external id, so each builds, signs and stores a credential; a repeated delivery of an
// award already issued (answered from the credential, nothing signed); and, as the baseline, plain reads of a
// credential's JSON. Measured one after the other in the same run, against the same server, with the same number of
// concurrent clients.
//
// Input (environment, set by run.sh): BENCH_BASE_URL, BENCH_KEYS_FILE (the demo seeder's keys: communityId, adminKey,
// sampleCredentialUrl), BENCH_DURATION, BENCH_WARMUP, BENCH_SERVER_PID, BENCH_OUT, and BENCH_AWARD_CONCURRENCY
// (default 8). Every answer is checked; any failure is printed and the process exits 1 after writing what it measured.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { execSync } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';

const env = (name, fallback) => process.env[name] || fallback;
const baseUrl = env('BENCH_BASE_URL').replace(/\/$/, '');
const keys = JSON.parse(readFileSync(env('BENCH_KEYS_FILE'), 'utf8'));
const duration = Number(env('BENCH_DURATION', '15'));
const warmup = Number(env('BENCH_WARMUP', '3'));
const concurrency = Number(env('BENCH_AWARD_CONCURRENCY', '8'));
const serverPid = process.env.BENCH_SERVER_PID ? Number(process.env.BENCH_SERVER_PID) : null;
const outFile = env('BENCH_OUT', '');
const credentialPath = '/' + keys.sampleCredentialUrl.replace(/^\//, '');
const clockTicks = (() => { try { return Number(execSync('getconf CLK_TCK').toString().trim()) || 100; } catch { return 100; } })();
const cpuSeconds = (pid) => {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch { return null; }
};

async function graphql(query, variables) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${keys.adminKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`${query.slice(0, 40)}: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return body.data;
}

// Set-up: a published demo credential allowed for direct award, the demo's learners, and an award hook secret.
const program = await graphql('{ program { credentials { id status } } }');
const definitionId = program.program.credentials.find((c) => c.status === 'PUBLISHED').id;
await graphql('mutation($id: ID!) { setDirectAwardPolicy(id: $id, allowed: true) { allowsDirectAward } }', { id: definitionId });
const learnerIds = (await graphql('{ learners(first: 50) { nodes { id } } }')).learners.nodes.map((l) => l.id);
const hook = (await graphql('{ awardHook { enabled } }')).awardHook.enabled
  ? (await graphql('mutation { rotateAwardHookSecret { secret } }')).rotateAwardHookSecret.secret
  : (await graphql('mutation { createAwardHookSecret { secret } }')).createAwardHookSecret.secret;

let sequence = 0;
const award = (externalId) => ({
  definitionId,
  learnerId: learnerIds[sequence++ % learnerIds.length],
  externalId: externalId ?? `bench-${randomUUID()}`,
  source: 'bench',
  evidence: [{ url: `https://lms.example.org/certificates/${sequence}`, title: 'Certificate of completion' }],
});

async function readCredential() {
  const response = await fetch(baseUrl + credentialPath, { headers: { accept: 'application/ld+json' } });
  const body = await response.text();
  if (!response.ok || !body.includes('"OpenBadgeCredential"')) throw new Error(`credential read: HTTP ${response.status} ${body.slice(0, 200)}`);
}

async function awardByMutation() {
  const data = await graphql('mutation($input: AwardCredentialInput!) { awardCredential(input: $input) { id status } }', { input: award() });
  if (data.awardCredential.status !== 'ACTIVE') throw new Error(`awardCredential: ${JSON.stringify(data)}`);
}

async function deliver(body) {
  const deliveryId = `dlv-${randomUUID()}`;
  const t = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', hook).update(`${t}.${deliveryId}.${body}`).digest('hex');
  const response = await fetch(`${baseUrl}/c/${keys.communityId}/hooks/award`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'CertGrid-Delivery-Id': deliveryId, 'CertGrid-Signature': `t=${t},v1=${v1}` },
    body,
  });
  const answer = await response.text();
  if (response.status !== 200 || !answer.includes('"credentialId"')) throw new Error(`hook: HTTP ${response.status} ${answer.slice(0, 300)}`);
}

const repeated = JSON.stringify(award('bench-repeated'));

async function run(operation, seconds) {
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
const scenarios = [
  { id: 'credential-read', title: 'GET a credential\'s JSON (Accept application/ld+json)', operation: readCredential },
  { id: 'award-mutation', title: 'awardCredential, a new external id each (issues)', operation: awardByMutation },
  { id: 'award-hook', title: 'signed award webhook delivery, a new external id each (issues)', operation: () => deliver(JSON.stringify(award())) },
  { id: 'award-hook-repeat', title: 'signed delivery of an award already issued (answered, nothing signed)', operation: () => deliver(repeated) },
];

const report = { startedAt: new Date().toISOString(), baseUrl, duration, warmup, concurrency, scenarios: [] };
let failed = false;
for (const scenario of scenarios) {
  await scenario.operation(); // pre-flight: one that fails stops the benchmark before it measures errors
  await run(scenario.operation, warmup);
  const cpuBefore = cpuSeconds(serverPid);
  const started = performance.now();
  const { latencies, failures } = await run(scenario.operation, duration);
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuBefore === null ? null : cpuSeconds(serverPid) - cpuBefore;
  latencies.sort((a, b) => a - b);
  report.scenarios.push({
    id: scenario.id, title: scenario.title, completed: latencies.length, failures: failures.length, perSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), serverCpuMsPerOperation: cpu === null || !latencies.length ? null : (cpu * 1000) / latencies.length,
  });
  if (failures.length) { failed = true; console.error(`${scenario.id}: ${failures.length} failures, e.g. ${failures[0]}`); }
}

const fmt = (n, d = 1) => (n === null || n === undefined ? '' : n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const read = report.scenarios.find((s) => s.id === 'credential-read');
report.markdown = [
  `| Scenario (${concurrency} concurrent clients, ${duration} s) | Completed/s | p50 ms | p99 ms | Failures | Server CPU ms each | ÷ credential read |`,
  '|---|--:|--:|--:|--:|--:|--:|',
  ...report.scenarios.map((s) => `| ${s.title} | ${fmt(s.perSecond)} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${s.failures} | ${fmt(s.serverCpuMsPerOperation, 2)} | ${s === read ? '' : `**${fmt(s.perSecond / read.perSecond, 3)}×**`} |`),
].join('\n');
if (outFile) { mkdirSync(dirname(outFile), { recursive: true }); writeFileSync(outFile, JSON.stringify(report, null, 2)); }
console.log(report.markdown);
process.exit(failed ? 1 : 0);
