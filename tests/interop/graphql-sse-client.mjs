// Follows a community's event feed live with the npm graphql-sse client (GraphQL over Server-Sent Events, distinct
// connections mode) and proves resumption: subscribe, see the event a mutation caused arrive, disconnect, cause more
// events, resubscribe from the last cursor and receive exactly the missed ones, in order. Prints one JSON object with
// what it saw; the xUnit test (GraphQlSseClientTests) judges it.
// Usage: node tests/interop/graphql-sse-client.mjs <graphql url> <admin key>
import { createClient } from 'graphql-sse';

const [url, adminKey] = process.argv.slice(2);
if (!url || !adminKey) {
  console.error('usage: graphql-sse-client.mjs <graphql url> <admin key>');
  process.exit(2);
}

const subscription = 'subscription($after: String) { events(after: $after, types: ["learner.enrolled"]) { id type cursor learnerId } }';
const client = createClient({ url, headers: { Authorization: `Bearer ${adminKey}` }, retryAttempts: 0 });

async function graphql(query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json', Authorization: `Bearer ${adminKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

let enrolments = 0;
async function enrol() {
  enrolments++;
  const input = { name: `Interop Learner ${enrolments}`, email: `sse-${Date.now()}-${enrolments}@interop.example.org`, organisation: 'Interop Academy' };
  const data = await graphql('mutation($input: EnrolLearnerInput!) { enrolLearner(input: $input) { id } }', { input });
  return data.enrolLearner.id;
}

async function feedEnd() {
  let after = null;
  for (;;) {
    const page = (await graphql('query($after: String) { events(after: $after, first: 100) { endCursor hasMore } }', { after })).events;
    after = page.endCursor;
    if (!page.hasMore) return after;
  }
}

async function next(events, ms) {
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve({ timedOut: true }), ms); });
  const result = await Promise.race([events.next(), timeout]);
  clearTimeout(timer);
  if (result.timedOut) return null;
  if (result.done) return { done: true };
  if (result.value.errors) throw new Error(`Subscription errors: ${JSON.stringify(result.value.errors)}`);
  return result.value.data.events;
}

const began = Date.now();
const at = {};
const start = await feedEnd();

// 1. Subscribe, cause an event, see it arrive.
const live = client.iterate({ query: subscription, variables: { after: start } });
const first = await enrol();
const arrived = await next(live, 15000);
at.arrived = Date.now() - began;

// 2. Disconnect, cause two events nobody is listening for.
await live.return();
at.returned = Date.now() - began;
const missed = [await enrol(), await enrol()];
at.missed = Date.now() - began;

// 3. Resubscribe from the last cursor: exactly the missed ones, in order, then nothing more.
const resumed = client.iterate({ query: subscription, variables: { after: arrived?.cursor } });
const received = [await next(resumed, 15000), await next(resumed, 15000)];
at.received = Date.now() - began;
const extra = await next(resumed, 1500);
await resumed.return();
client.dispose();
at.disposed = Date.now() - began;

console.log(JSON.stringify({ start, first, arrived, missed, received, extra, at }));
