// Checks CertGrid's credentials with independent, widely used software, knowing nothing but each VC-JWT:
//  - the JOSE header's `kid` is dereferenced (a plain HTTP GET) to the public JWK, and jose verifies the signature
//    and the registered claims with it;
//  - ajv validates each credential against 1EdTech's Open Badges 3.0 AchievementCredential JSON Schema, vendored
//    unchanged in ./vendor/1edtech-ob3 (see its README);
//  - @digitalbazaar/vc-bitstring-status-list finds the credential's BitstringStatusListEntry and decodes the
//    published status list (whose own VC-JWT jose verifies the same way); the entry's statusSize bits are read at
//    statusListIndex × statusSize, as Bitstring Status List v1.0 says, and named by its statusMessage.
// Usage: node tests/interop/verify-credentials.mjs <request.json>
//   { "credentials": [{ "jwt": "...", "expectRevoked": false, "expectSuspended": false }] }
// Prints one JSON line per credential and exits 1 if any check disagrees with the expectation.
import { readFileSync } from 'node:fs';
import { importJWK, jwtVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { BitstringStatusList, getCredentialStatus } from '@digitalbazaar/vc-bitstring-status-list';

const request = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const schema = JSON.parse(readFileSync(new URL('./vendor/1edtech-ob3/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const registeredClaims = ['iss', 'sub', 'nbf', 'jti', 'exp', 'iat'];
let failures = 0;

/** Verifies a compact JWS with the key its header's kid dereferences to, and nothing else. */
async function verifyByKid(jwt, options = {}) {
  const { kid, alg } = decodeProtectedHeader(jwt);
  if (!/^https?:\/\//.test(kid ?? '')) throw new Error(`kid '${kid}' is not a URL`);
  const response = await fetch(kid);
  if (!response.ok) throw new Error(`kid ${kid} answered ${response.status}`);
  const jwk = await response.json();
  const { payload } = await jwtVerify(jwt, await importJWK(jwk, alg), options);
  return { payload, kid, mediaType: response.headers.get('content-type') };
}

async function readStatus(entry) {
  const response = await fetch(entry.statusListCredential, { headers: { accept: 'application/vc+jwt' } });
  const maxAge = /max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1];
  const { payload } = await verifyByKid(await response.text());
  const subject = payload.credentialSubject;
  const list = await BitstringStatusList.decode({ encodedList: subject.encodedList });
  const size = Number(entry.statusSize ?? 1);
  let value = 0;
  for (let bit = 0; bit < size; bit++) value = (value << 1) | (list.getStatus(Number(entry.statusListIndex) * size + bit) ? 1 : 0);
  const message = entry.statusMessage?.find(m => Number.parseInt(m.status, 16) === value)?.message;
  return { value, message, size, entries: list.length / size, ttlSeconds: subject.ttl / 1000, maxAge: Number(maxAge), type: payload.type, purpose: subject.statusPurpose };
}

for (const expected of request.credentials) {
  const problems = [];
  let payload;
  let kid;
  try {
    ({ payload, kid } = await verifyByKid(expected.jwt, { typ: 'JWT' }));
  } catch (error) {
    problems.push(`the signature did not verify with the key the kid names: ${error.code ?? error.message}`);
    payload = decodeJwt(expected.jwt);
  }

  if (payload.iss !== payload.issuer?.id) problems.push('iss differs from issuer.id');
  if (payload.jti !== payload.id) problems.push('jti differs from id');
  if (payload.sub !== payload.credentialSubject?.id) problems.push('sub differs from credentialSubject.id');
  if (payload.nbf !== Math.floor(Date.parse(payload.validFrom) / 1000)) problems.push('nbf differs from validFrom');
  if (payload.validUntil && payload.exp !== Math.floor(Date.parse(payload.validUntil) / 1000)) problems.push('exp differs from validUntil');

  const credential = Object.fromEntries(Object.entries(payload).filter(([key]) => !registeredClaims.includes(key)));
  if (!validate(credential)) problems.push(`schema: ${ajv.errorsText(validate.errors)}`);

  let status = {};
  try {
    const entry = getCredentialStatus({ credential, statusPurpose: 'message' });
    status = await readStatus(entry);
    if (status.purpose !== 'message') problems.push(`the status list's purpose is ${status.purpose}, the entry's message`);
    if (status.entries < 131072) problems.push(`the status list has only ${status.entries} entries`);
    if (status.ttlSeconds !== status.maxAge) problems.push(`status list ttl ${status.ttlSeconds}s but Cache-Control max-age ${status.maxAge}s`);
    if (!status.type.includes('BitstringStatusListCredential')) problems.push('status list is not a BitstringStatusListCredential');
  } catch (error) {
    problems.push(`status: ${error.message}`);
  }

  const expectedMessage = expected.expectRevoked ? 'revoked' : expected.expectSuspended ? 'suspended' : 'valid';
  if (status.message !== expectedMessage) problems.push(`status reads '${status.message}' (0x${status.value?.toString(16)}), expected '${expectedMessage}'`);

  if (problems.length > 0) failures++;
  const alg = decodeProtectedHeader(expected.jwt).alg;
  console.log(JSON.stringify({ id: payload.id, alg, kid, ok: problems.length === 0, problems, status: status.message }));
}

process.exit(failures === 0 ? 0 : 1);
