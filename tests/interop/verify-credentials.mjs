// Checks CertGrid's credentials with independent, widely used software:
//  - jose verifies each VC-JWT's signature against the community's published JWKS, and its registered claims;
//  - ajv validates each credential against the Open Badges 3.0 AchievementCredential JSON Schema;
//  - @digitalbazaar/vc-bitstring-status-list decodes the published status lists (whose own VC-JWTs jose verifies)
//    and reads each credential's revocation and suspension bits.
// Usage: node tests/interop/verify-credentials.mjs <request.json>
//   { "jwksUrl": "...", "credentials": [{ "jwt": "...", "expectRevoked": false, "expectSuspended": false }] }
// Prints one JSON line per credential and exits 1 if any check disagrees with the expectation.
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, jwtVerify, decodeJwt } from 'jose';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { BitstringStatusList } from '@digitalbazaar/vc-bitstring-status-list';

const request = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const schema = JSON.parse(readFileSync(new URL('./schemas/ob_v3p0_achievementcredential.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const jwks = createLocalJWKSet(await (await fetch(request.jwksUrl)).json());
const registeredClaims = ['iss', 'sub', 'nbf', 'jti', 'exp', 'iat'];
let failures = 0;

async function statusBit(entry) {
  const response = await fetch(entry.statusListCredential, { headers: { accept: 'application/vc+jwt' } });
  const maxAge = /max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1];
  const { payload } = await jwtVerify(await response.text(), jwks);
  const subject = payload.credentialSubject;
  const list = await BitstringStatusList.decode({ encodedList: subject.encodedList });
  return {
    set: list.getStatus(Number(entry.statusListIndex)),
    length: list.length,
    ttlSeconds: subject.ttl / 1000,
    maxAge: Number(maxAge),
    type: payload.type,
  };
}

for (const expected of request.credentials) {
  const problems = [];
  let payload;
  try {
    ({ payload } = await jwtVerify(expected.jwt, jwks, { typ: 'JWT' }));
  } catch (error) {
    problems.push(`jose rejected the signature: ${error.code ?? error.message}`);
    payload = decodeJwt(expected.jwt);
  }

  if (payload.iss !== payload.issuer?.id) problems.push('iss differs from issuer.id');
  if (payload.jti !== payload.id) problems.push('jti differs from id');
  if (payload.sub !== payload.credentialSubject?.id) problems.push('sub differs from credentialSubject.id');
  if (payload.nbf !== Math.floor(Date.parse(payload.validFrom) / 1000)) problems.push('nbf differs from validFrom');
  if (payload.validUntil && payload.exp !== Math.floor(Date.parse(payload.validUntil) / 1000)) problems.push('exp differs from validUntil');

  const credential = Object.fromEntries(Object.entries(payload).filter(([key]) => !registeredClaims.includes(key)));
  if (!validate(credential)) problems.push(`schema: ${ajv.errorsText(validate.errors)}`);

  const statuses = {};
  for (const entry of [payload.credentialStatus].flat().filter(Boolean)) {
    const status = await statusBit(entry);
    statuses[entry.statusPurpose] = status.set;
    if (status.length < 131072) problems.push(`${entry.statusPurpose} list has only ${status.length} entries`);
    if (status.ttlSeconds !== status.maxAge) problems.push(`${entry.statusPurpose} list ttl ${status.ttlSeconds}s but Cache-Control max-age ${status.maxAge}s`);
    if (!status.type.includes('BitstringStatusListCredential')) problems.push('status list is not a BitstringStatusListCredential');
  }
  if (statuses.revocation !== expected.expectRevoked) problems.push(`revocation bit is ${statuses.revocation}, expected ${expected.expectRevoked}`);
  if (statuses.suspension !== expected.expectSuspended) problems.push(`suspension bit is ${statuses.suspension}, expected ${expected.expectSuspended}`);

  if (problems.length > 0) failures++;
  console.log(JSON.stringify({ id: payload.id, alg: decodeJwt && JSON.parse(Buffer.from(expected.jwt.split('.')[0], 'base64url')).alg, ok: problems.length === 0, problems, statuses }));
}

process.exit(failures === 0 ? 0 : 1);
