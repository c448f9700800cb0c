// Load generator of benchmarks/live-events.sh (issue 19): live events over GraphQL-over-SSE, against baselines measured
// in the same run on the same server.
//   1. mutation:  the latency of enrolLearner alone (the change that raises the event), sequentially.
//   2. live:      with a subscription open (npm graphql-sse client, distinct connections mode), the time from sending the
//                 same mutation to receiving its learner.enrolled event on the stream. live - mutation is what following
//                 the feed live adds (effects, feed append, signal, feed read, SSE write).
//   3. replay:    a subscription from the start of the feed, the events it replays per second, against reading the
//                 same events with the events(first: 100) query page by page (the catch-up baseline).
// Input (environment, set by run.sh): BENCH_BASE_URL, BENCH_KEYS_FILE (adminKey), BENCH_OUT; BENCH_LIVE_EVENTS (default 200).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient } from 'graphql-sse';

const baseUrl = process.env.BENCH_BASE_URL.replace(/\/$/, '');
const url = `${baseUrl}/graphql`;
const adminKey = JSON.parse(readFileSync(process.env.BENCH_KEYS_FILE, 'utf8')).adminKey;
const count = Number(process.env.BENCH_LIVE_EVENTS || '200');
const outFile = process.env.BENCH_OUT || '';
const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json', Authorization: `Bearer ${adminKey}` };

async function graphql(query, variables) {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

let enrolled = 0;
const enrol = async () => {
  enrolled++;
  const input = { name: `Bench Learner ${enrolled}`, email: `live-${process.pid}-${enrolled}@bench.example.org` };
  return (await graphql('mutation($input: EnrolLearnerInput!) { enrolLearner(input: $input) { id } }', { input })).enrolLearner.id;
};

const feedEnd = async () => {
  let after = null;
  for (;;) {
    const page = (await graphql('query($after: String) { events(after: $after, first: 100) { endCursor hasMore } }', { after })).events;
    after = page.endCursor;
    if (!page.hasMore) return after;
  }
};

const percentile = (values, p) => { const sorted = [...values].sort((a, b) => a - b); return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]; };
const summary = (values) => ({ count: values.length, p50: percentile(values, 0.5), p95: percentile(values, 0.95), mean: values.reduce((a, b) => a + b, 0) / values.length });
const subscription = 'subscription($after: String) { events(after: $after, types: ["learner.enrolled"]) { id cursor learnerId } }';
const client = createClient({ url, headers: { Authorization: `Bearer ${adminKey}` }, retryAttempts: 0 });

// Warm-up: a few changes and reads compile the write and read paths.
for (let i = 0; i < 10; i++) await enrol();

// 1. The mutation alone.
const mutation = [];
for (let i = 0; i < count; i++) {
  const started = performance.now();
  await enrol();
  mutation.push(performance.now() - started);
}

// 2. The same mutation followed live: from sending it to its event arriving on the open stream.
const start = await feedEnd();
const stream = client.iterate({ query: subscription, variables: { after: start } });
const live = [];
for (let i = 0; i < count; i++) {
  const started = performance.now();
  const id = await enrol();
  for (;;) {
    const { value } = await stream.next();
    if (value.errors) throw new Error(JSON.stringify(value.errors));
    if (value.data.events.learnerId === id) break;
  }
  live.push(performance.now() - started);
}
await stream.return();

// 3. Catch-up of the whole feed: replayed over SSE against read with the query, page by page.
const total = Number((await feedEnd()).split('.')[1]);
let started = performance.now();
const replay = client.iterate({ query: 'subscription { events { cursor } }' });
let replayed = 0;
for (;;) {
  const { value } = await replay.next();
  replayed++;
  if (Number(value.data.events.cursor.split('.')[1]) >= total) break;
}
const replaySeconds = (performance.now() - started) / 1000;
await replay.return();
started = performance.now();
let paged = 0;
for (let after = null; ;) {
  const page = (await graphql('query($after: String) { events(after: $after, first: 100) { events { cursor } endCursor hasMore } }', { after })).events;
  paged += page.events.length;
  after = page.endCursor;
  if (!page.hasMore) break;
}
const pageSeconds = (performance.now() - started) / 1000;
client.dispose();

const result = {
  events: count,
  mutationMs: summary(mutation),
  liveMs: summary(live),
  liveOverheadMsP50: percentile(live, 0.5) - percentile(mutation, 0.5),
  replay: { events: replayed, perSecond: replayed / replaySeconds },
  pagedQuery: { events: paged, perSecond: paged / pageSeconds },
  replayOverPaged: (replayed / replaySeconds) / (paged / pageSeconds),
};
console.log(JSON.stringify(result, null, 2));
if (outFile) {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(result, null, 2));
}
