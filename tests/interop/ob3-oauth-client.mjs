// An Open Badges 3.0 service consumer, played with an independent OAuth 2.0 client library (openid-client), through
// the whole dance against a running CertGrid over HTTP: RFC 7591 registration -> authorization code with PKCE (the
// consent form posted as a browser would) -> token -> getCredentials (paging headers) -> upsertCredential ->
// getProfile / putProfile -> RFC 7009 revocation -> the revoked token is refused; plus the standard rejections.
// Usage: node ob3-oauth-client.mjs <request.json> with { base, learnerKey, credential }.
// Prints one JSON object per line: { step, ...what was observed }.
import { readFile } from 'node:fs/promises';
import * as client from 'openid-client';

const { base, learnerKey, credential } = JSON.parse(await readFile(process.argv[2], 'utf8'));
const SCOPES = ['credential.readonly', 'credential.upsert', 'profile.readonly', 'profile.update']
  .map((s) => `https://purl.imsglobal.org/spec/ob/v3p0/scope/${s}`);
const REDIRECT = 'http://127.0.0.1:8765/callback';
const report = (step, observed) => console.log(JSON.stringify({ step, ...observed }));

const discovery = await (await fetch(new URL('/ims/ob/v3p0/discovery', base))).json();
const scheme = discovery.components.securitySchemes.OAuth2ACG;
const api = discovery.servers[0].url;

// RFC 7591 registration, with the metadata OB 3.0 section 6.2 names; then one the server must refuse.
const register = (metadata) => fetch(scheme['x-imssf-registrationUrl'], {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(metadata),
});
const metadata = {
  client_name: 'Interop Wallet', client_uri: 'https://wallet.example/', logo_uri: 'https://wallet.example/logo.png',
  tos_uri: 'https://wallet.example/tos', policy_uri: 'https://wallet.example/privacy', software_id: 'interop-wallet',
  software_version: '1.0.0', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_basic',
  grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], scope: SCOPES.join(' '),
};
const registered = await register(metadata);
const registration = await registered.json();
report('register', { status: registered.status, hasClientId: !!registration.client_id, hasSecret: !!registration.client_secret });
for (const [name, bad] of [['redirect', { ...metadata, redirect_uris: ['ftp://wallet.example/cb'] }], ['scope', { ...metadata, scope: 'https://example.org/everything' }]]) {
  const refused = await register(bad);
  report(`register-refused-${name}`, { status: refused.status, ...(await refused.json()) });
}

// openid-client reads the authorization server's metadata (RFC 8414) and authenticates with client_secret_basic.
const config = await client.discovery(new URL(base), registration.client_id, undefined,
  client.ClientSecretBasic(registration.client_secret), { execute: [client.allowInsecureRequests] });
report('metadata', {
  authorization: config.serverMetadata().authorization_endpoint === scheme.flows.authorizationCode.authorizationUrl,
  token: config.serverMetadata().token_endpoint === scheme.flows.authorizationCode.tokenUrl,
  pkce: config.serverMetadata().code_challenge_methods_supported,
});

// Asks for an authorization and answers the consent page as a browser would: its form, hidden fields and all.
async function authorize(scope, key, { pkce = true, decision = 'allow', redirect = REDIRECT } = {}) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const parameters = { redirect_uri: redirect, scope, state };
  if (pkce) Object.assign(parameters, { code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' });
  const page = await fetch(client.buildAuthorizationUrl(config, parameters), { redirect: 'manual' });
  if (page.status !== 200) return { status: page.status, location: page.headers.get('location'), html: await page.text() };
  const html = await page.text();
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) form.append(name, decodeHtml(value));
  form.append('learner_key', key);
  form.append('decision', decision);
  const answer = await fetch(new URL(html.match(/<form method="post" action="([^"]*)">/)[1], base), { method: 'POST', body: form, redirect: 'manual' });
  const answered = answer.status === 302 ? null : await answer.text();
  return { status: answer.status, location: answer.headers.get('location'), html: answered ?? html, verifier, state };
}
const decodeHtml = (s) => s.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
// A refused authorization request: the OAuth error parameters, redirected back to the client or (OpenIddict's way for
// a request that failed validation) answered directly with a 400 whose body lists them as 'name:value' lines.
const redirectError = (answer) => answer.location
  ? { status: answer.status, ...Object.fromEntries(new URL(answer.location).searchParams) }
  : { status: answer.status, ...Object.fromEntries((answer.html ?? '').split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)])) };

const wrongKey = await authorize(SCOPES.join(' '), 'cgk.not.a-real.key');
report('consent-wrong-key', { status: wrongKey.status, alert: /role="alert"/.test(wrongKey.html ?? '') });

const granted = await authorize(SCOPES.join(' '), learnerKey);
const callback = new URL(granted.location);
const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: granted.verifier, expectedState: granted.state });
report('token', { status: granted.status, tokenType: tokens.token_type, scope: tokens.scope?.split(' ').filter((s) => SCOPES.includes(s)).sort(), refresh: !!tokens.refresh_token });

// The same code a second time is invalid_grant (and OpenIddict revokes what it issued).
try {
  await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: granted.verifier, expectedState: granted.state });
  report('code-replay', { error: null });
} catch (e) { report('code-replay', { error: e.error ?? e.message }); }

// The learner may say no: the client gets access_denied at its redirect URI.
report('denied', redirectError(await authorize(SCOPES.join(' '), learnerKey, { decision: 'deny' })));

// The tokens of the replayed code are revoked with it: authorise again, and refresh once, for the API calls.
const again = await authorize(SCOPES.join(' '), learnerKey);
const first = await client.authorizationCodeGrant(config, new URL(again.location), { pkceCodeVerifier: again.verifier, expectedState: again.state });
const access = await client.refreshTokenGrant(config, first.refresh_token);
report('refresh', { renewed: !!access.access_token && access.access_token !== first.access_token, refresh: !!access.refresh_token });

async function call(token, path, method = 'GET', body = undefined, headers = undefined) {
  try {
    const response = await client.fetchProtectedResource(config, token, new URL(api + path), method, body, headers ? new Headers(headers) : undefined);
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (e) {
    if (e.response) return { status: e.response.status, challenge: e.cause?.[0]?.parameters, text: await e.response.text().catch(() => '') };
    throw e;
  }
}

const page = await call(access.access_token, '/credentials?limit=1&offset=0');
const listed = JSON.parse(page.text);
report('getCredentials', { status: page.status, total: page.headers.get('x-total-count'), link: page.headers.get('link'), compactJwsString: listed.compactJwsString, credential: listed.credential.length });

const hosted = { ...credential };
const created = await call(access.access_token, '/credentials', 'POST', JSON.stringify(hosted), { 'content-type': 'application/json' });
const replaced = await call(access.access_token, '/credentials', 'POST', JSON.stringify({ ...hosted, name: 'Renamed' }), { 'content-type': 'application/json' });
const invalid = await call(access.access_token, '/credentials', 'POST', '{"type":["VerifiableCredential"]}', { 'content-type': 'application/json' });
const all = await call(access.access_token, '/credentials?limit=10');
report('upsertCredential', { created: created.status, replaced: replaced.status, invalid: invalid.status, invalidBody: JSON.parse(invalid.text), afterTotal: all.headers.get('x-total-count'), hostedName: JSON.parse(all.text).credential[0]?.name });

const profile = await call(access.access_token, '/profile');
const updated = await call(access.access_token, '/profile', 'PUT', JSON.stringify({ ...JSON.parse(profile.text), url: 'https://people.example/ada' }), { 'content-type': 'application/json' });
const renamed = await call(access.access_token, '/profile', 'PUT', JSON.stringify({ name: 'Somebody Else' }), { 'content-type': 'application/json' });
report('profile', { get: profile.status, profile: JSON.parse(profile.text), put: updated.status, url: JSON.parse(updated.text).url, renameRefused: renamed.status });

// A token with only credential.readonly may not change the profile: 403 insufficient_scope.
const narrow = await authorize(SCOPES[0], learnerKey);
const readOnly = await client.authorizationCodeGrant(config, new URL(narrow.location), { pkceCodeVerifier: narrow.verifier, expectedState: narrow.state });
const forbidden = await call(readOnly.access_token, '/profile', 'PUT', '{}', { 'content-type': 'application/json' });
report('insufficient-scope', { status: forbidden.status, challenge: forbidden.challenge });

// The rejections a client can trigger at the authorization and token endpoints.
report('unknown-scope', redirectError(await authorize('https://example.org/everything', learnerKey)));
report('no-pkce', redirectError(await authorize(SCOPES[0], learnerKey, { pkce: false })));
// A redirect URI the client did not register is never redirected to: the error is answered directly.
report('unregistered-redirect', redirectError(await authorize(SCOPES[0], learnerKey, { redirect: 'http://127.0.0.1:8765/elsewhere' })));
const impostor = new client.Configuration(config.serverMetadata(), registration.client_id, undefined, client.ClientSecretBasic('wrong-secret'));
client.allowInsecureRequests(impostor);
try { await client.refreshTokenGrant(impostor, access.refresh_token); report('wrong-secret', { error: null }); }
catch (e) { report('wrong-secret', { status: e.status, error: e.error ?? e.cause?.[0]?.parameters?.error ?? e.message }); }

// RFC 7009 revocation: the access token is refused from then on (invalid_token), by every replica (token entry).
await client.tokenRevocation(config, access.access_token);
const refused = await call(access.access_token, '/credentials');
const stillValid = await call(readOnly.access_token, '/credentials');
report('revoked', { status: refused.status, challenge: refused.challenge, otherToken: stillValid.status });
