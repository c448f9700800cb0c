// Load generator of benchmarks/wallet.sh (issue 20): full OpenID4VCI issuances per second (the learner's offer over
// GraphQL -> the pre-authorized code at the token endpoint -> the credential endpoint with an ES256 proof of
// possession, exactly what a wallet sends) against plain reads of the same credential's JSON, measured one after the
// other in the same run against the same server, with the same number of concurrent clients.
//
// Input (environment, set by run.sh): BENCH_BASE_URL, BENCH_KEYS_FILE (the demo seeder's keys: learnerKey and the
// learner's sampleCredentialUrl), BENCH_DURATION, BENCH_WARMUP, BENCH_SERVER_PID, BENCH_OUT, and
// BENCH_WALLET_CONCURRENCY (default 8: concurrent wallets, and concurrent readers in the baseline).
//
// Every response is checked (status, the expected fields, the credential bound to the wallet's key); any failure is
// printed and the process exits 1 after writing what it measured.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { execSync } from 'node:child_process';
import { SignJWT, exportJWK, generateKeyPair, base64url, decodeJwt } from 'jose';

const env = (name, fallback) => process.env[name] || fallback;
const baseUrl = env('BENCH_BASE_URL').replace(/\/$/, '');
const keys = JSON.parse(readFileSync(env('BENCH_KEYS_FILE'), 'utf8'));
const duration = Number(env('BENCH_DURATION', '15'));
const warmup = Number(env('BENCH_WARMUP', '3'));
const concurrency = Number(env('BENCH_WALLET_CONCURRENCY', '8'));
const serverPid = process.env.BENCH_SERVER_PID ? Number(process.env.BENCH_SERVER_PID) : null;
const outFile = env('BENCH_OUT', '');
const credentialPath = '/' + keys.sampleCredentialUrl.replace(/^\//, '');
const credentialId = credentialPath.split('/').pop();
const issuer = `${baseUrl}/c/${keys.communityId}`;
const clockTicks = (() => { try { return Number(execSync('getconf CLK_TCK').toString().trim()) || 100; } catch { return 100; } })();
const cpuSeconds = (pid) => {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch { return null; }
};

// The wallet's key: one ES256 key, the credential bound to its did:jwk.
const { publicKey, privateKey } = await generateKeyPair('ES256');
const jwk = await exportJWK(publicKey);
const holder = `did:jwk:${base64url.encode(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }))}`;

async function expectOk(response, what) {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return text;
}

async function readCredential() {
  const body = await expectOk(await fetch(baseUrl + credentialPath, { headers: { accept: 'application/ld+json' } }), 'credential read');
  if (!body.includes('"OpenBadgeCredential"')) throw new Error(`credential read: not the credential's JSON: ${body.slice(0, 200)}`);
}

async function offerToWallet() {
  const offerBody = JSON.parse(await expectOk(await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${keys.learnerKey}` },
    body: JSON.stringify({ query: 'mutation($id: ID!) { offerCredentialToWallet(credentialId: $id, withTransactionCode: false) { credentialOffer } }', variables: { id: credentialId } }),
  }), 'offer'));
  if (offerBody.errors) throw new Error(`offer: ${JSON.stringify(offerBody.errors).slice(0, 300)}`);
  return JSON.parse(offerBody.data.offerCredentialToWallet.credentialOffer);
}

async function issueToWallet(configurationId) {
  const offer = await offerToWallet();
  const code = offer.grants['urn:ietf:params:oauth:grant-type:pre-authorized_code']['pre-authorized_code'];
  const token = JSON.parse(await expectOk(await fetch(`${baseUrl}/c/${keys.communityId}/oid4vci/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code', 'pre-authorized_code': code }),
  }), 'token'));
  const proof = await new SignJWT({ aud: offer.credential_issuer ?? issuer, nonce: token.c_nonce })
    .setProtectedHeader({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk }).setIssuedAt().sign(privateKey);
  const issued = JSON.parse(await expectOk(await fetch(`${baseUrl}/c/${keys.communityId}/oid4vci/credential`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
    body: JSON.stringify({ credential_configuration_id: configurationId, proof: { proof_type: 'jwt', jwt: proof } }),
  }), 'credential'));
  const credential = issued.credentials?.[0]?.credential;
  const subject = typeof credential === 'string' ? decodeJwt(credential).sub : credential?.credentialSubject?.id;
  if (subject !== holder) throw new Error(`credential: not bound to the wallet's key (${String(subject).slice(0, 80)})`);
}

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
  { id: 'credential-read', title: 'GET the credential\'s JSON (Accept application/ld+json)', requests: 1, operation: readCredential },
  { id: 'wallet-jwt_vc_json', title: 'OpenID4VCI issuance, jwt_vc_json (offer -> token -> credential)', requests: 3, operation: () => issueToWallet('OpenBadgeCredential_jwt_vc_json') },
];
// The configurations offered follow the credential's proof format (the demo's credentials are VC-JWT unless the
// community chose Data Integrity before they were issued).
if ((await offerToWallet()).credential_configuration_ids.includes('OpenBadgeCredential_ldp_vc')) {
  scenarios.push({ id: 'wallet-ldp_vc', title: 'OpenID4VCI issuance, ldp_vc (eddsa-rdfc-2022 signed afresh)', requests: 3, operation: () => issueToWallet('OpenBadgeCredential_ldp_vc') });
}

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
  const entry = {
    id: scenario.id, title: scenario.title, completed: latencies.length, failures: failures.length, perSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), serverCpuMsPerOperation: cpu === null || !latencies.length ? null : (cpu * 1000) / latencies.length,
  };
  report.scenarios.push(entry);
  if (failures.length) { failed = true; console.error(`${scenario.id}: ${failures.length} failures, e.g. ${failures[0]}`); }
}

const fmt = (n, d = 1) => (n === null || n === undefined ? '' : n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const read = report.scenarios.find((s) => s.id === 'credential-read');
const lines = [
  `| Scenario (${concurrency} concurrent clients, ${duration} s) | Completed/s | p50 ms | p99 ms | Failures | Server CPU ms each | ÷ credential read |`,
  '|---|--:|--:|--:|--:|--:|--:|',
  ...report.scenarios.map((s) => `| ${s.title} | ${fmt(s.perSecond)} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${s.failures} | ${fmt(s.serverCpuMsPerOperation, 2)} | ${s === read ? '' : `**${fmt(s.perSecond / read.perSecond, 3)}×**`} |`),
];
report.markdown = lines.join('\n');
if (outFile) { mkdirSync(dirname(outFile), { recursive: true }); writeFileSync(outFile, JSON.stringify(report, null, 2)); }
console.log(report.markdown);
process.exit(failed ? 1 : 0);
