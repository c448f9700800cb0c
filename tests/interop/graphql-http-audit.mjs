// Runs the full GraphQL-over-HTTP server audit suite of the npm package graphql-http against a URL and
// prints one JSON line per audit ({ id, name, status, reason }). Exit code 0 only if every audit is "ok".
// Usage: node tests/interop/graphql-http-audit.mjs http://127.0.0.1:5080/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: graphql-http-audit.mjs <graphql url>');
  process.exit(2);
}

const results = await auditServer({ url });
let failures = 0;
for (const result of results) {
  if (result.status !== 'ok') failures++;
  console.log(JSON.stringify({ id: result.id, name: result.name, status: result.status, reason: result.reason ?? null }));
}
console.error(`${results.length} audits, ${failures} not ok`);
process.exit(failures === 0 ? 0 : 1);
