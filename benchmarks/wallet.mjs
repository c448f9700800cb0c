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
import { benchSettings, measureAndExit } from './closed-loop.mjs';
import { SignJWT, exportJWK, generateKeyPair, base64url, decodeJwt } from 'jose';

const settings = benchSettings('BENCH_WALLET_CONCURRENCY');
const { baseUrl, keys, credentialPath } = settings;
const credentialId = credentialPath.split('/').pop();
const issuer = `${baseUrl}/c/${keys.communityId}`;

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

const scenarios = [
  { id: 'credential-read', title: 'GET the credential\'s JSON (Accept application/ld+json)', operation: readCredential },
  { id: 'wallet-jwt_vc_json', title: 'OpenID4VCI issuance, jwt_vc_json (offer -> token -> credential)', operation: () => issueToWallet('OpenBadgeCredential_jwt_vc_json') },
];
// The configurations offered follow the credential's proof format (the demo's credentials are VC-JWT unless the
// community chose Data Integrity before they were issued).
if ((await offerToWallet()).credential_configuration_ids.includes('OpenBadgeCredential_ldp_vc')) {
  scenarios.push({ id: 'wallet-ldp_vc', title: 'OpenID4VCI issuance, ldp_vc (eddsa-rdfc-2022 signed afresh)', operation: () => issueToWallet('OpenBadgeCredential_ldp_vc') });
}

await measureAndExit(settings, scenarios);
