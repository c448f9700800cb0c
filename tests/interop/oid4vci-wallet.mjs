// Plays a wallet nobody at CertGrid wrote: Sphereon's @sphereon/oid4vci-client (OpenID4VCI, the 1.0 / draft-15 client)
// receives credential offers made by CertGrid. For each offer it reads the issuer and authorization-server metadata,
// redeems the pre-authorized code (with the transaction code when one is given) at the token endpoint, and asks the
// credential endpoint for the credential with a proof of possession of a fresh ES256 key (jose), which the credential
// is then bound to (credentialSubject.id = that key's did:jwk). It then replays the same pre-authorized code, which
// the issuer must refuse (OAuth invalid_grant: codes are single-use).
// Usage: node tests/interop/oid4vci-wallet.mjs <request.json>
//   { "offers": [{ "offerUri": "openid-credential-offer://?credential_offer=…", "configurationId": "…", "txCode": "123456" | null }] }
// Prints one JSON line per offer: { configurationId, format, holder, credential, replay: { status, error } }.
import { readFileSync } from 'node:fs';
import { OpenID4VCIClientV1_0_15 } from '@sphereon/oid4vci-client';
import { SignJWT, exportJWK, generateKeyPair, base64url } from 'jose';

const print = console.log.bind(console);
console.log = (...args) => console.error(...args);
const request = JSON.parse(readFileSync(process.argv[2], 'utf8'));

for (const { offerUri, configurationId, txCode } of request.offers) {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = await exportJWK(publicKey);
  const signCallback = async ({ header, payload }) =>
    new SignJWT(payload).setProtectedHeader({ ...header, alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk, kid: undefined }).sign(privateKey);

  const client = await OpenID4VCIClientV1_0_15.fromURI({ uri: offerUri, alg: 'ES256', retrieveServerMetadata: true });
  await client.acquireAccessToken(txCode ? { pin: txCode } : {});
  const format = client.endpointMetadata.credentialIssuerMetadata.credential_configurations_supported[configurationId].format;
  const response = await client.acquireCredentials({ credentialConfigurationId: configurationId, format, alg: 'ES256', jwk, proofCallbacks: { signCallback } });
  const credential = response.credentials?.[0]?.credential ?? response.credential;

  // The same pre-authorized code again, as a second wallet (or an attacker holding the QR code) would send it.
  const offer = JSON.parse(new URL(offerUri.replace('openid-credential-offer://', 'https://wallet.invalid/')).searchParams.get('credential_offer'));
  const grant = offer.grants['urn:ietf:params:oauth:grant-type:pre-authorized_code'];
  const replay = await fetch(client.getAccessTokenEndpoint(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code', 'pre-authorized_code': grant['pre-authorized_code'], ...(txCode ? { tx_code: txCode } : {}) }),
  });
  const holder = `did:jwk:${base64url.encode(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }))}`;
  print(JSON.stringify({ configurationId, format, holder, credential, replay: { status: replay.status, ...(await replay.json()) } }));
}
