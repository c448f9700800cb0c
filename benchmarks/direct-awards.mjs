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
import { benchSettings, measureAndExit } from './closed-loop.mjs';
import { createHmac, randomUUID } from 'node:crypto';

const settings = benchSettings('BENCH_AWARD_CONCURRENCY');
const { baseUrl, keys, credentialPath } = settings;

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

const scenarios = [
  { id: 'credential-read', title: 'GET a credential\'s JSON (Accept application/ld+json)', operation: readCredential },
  { id: 'award-mutation', title: 'awardCredential, a new external id each (issues)', operation: awardByMutation },
  { id: 'award-hook', title: 'signed award webhook delivery, a new external id each (issues)', operation: () => deliver(JSON.stringify(award())) },
  { id: 'award-hook-repeat', title: 'signed delivery of an award already issued (answered, nothing signed)', operation: () => deliver(repeated) },
];

await measureAndExit(settings, scenarios);
