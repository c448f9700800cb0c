// Signs a person in at an OpenID Connect provider the way a browser would, with the independent client library
// openid-client: discovery, an authorization code request with PKCE and a resource indicator, the provider's own login
// and consent forms filled in and posted, then the code exchanged for tokens. Prints the access token as JSON.
// Usage: node tests/identity/sign-in.mjs <issuer> <client id> <client secret> <resource> <login>
import * as client from 'openid-client';

const [issuer, clientId, clientSecret, resource, login] = process.argv.slice(2);
const redirectUri = 'http://127.0.0.1/callback';
const config = await client.discovery(new URL(issuer), clientId, clientSecret, undefined, { execute: [client.allowInsecureRequests] });
const verifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const authorization = client.buildAuthorizationUrl(config, {
  redirect_uri: redirectUri,
  scope: 'openid email certgrid',
  code_challenge: await client.calculatePKCECodeChallenge(verifier),
  code_challenge_method: 'S256',
  state,
  resource,
});

const cookies = new Map();
async function browse(url, init = {}) {
  const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  for (const set of response.headers.getSetCookie()) {
    const [pair] = set.split(';');
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return response;
}

let url = authorization;
let callback;
for (let step = 0; step < 20 && !callback; step++) {
  const response = await browse(url);
  if (response.status >= 300 && response.status < 400) {
    url = new URL(response.headers.get('location'), url);
    if (url.href.startsWith(redirectUri)) callback = url;
    continue;
  }
  const page = await response.text();
  const action = /action="([^"]+)"/.exec(page)?.[1];
  const prompt = /name="prompt" value="([a-z]+)"/.exec(page)?.[1];
  if (response.status !== 200 || !action || !prompt) throw new Error(`unexpected page ${response.status}: ${page.slice(0, 500)}`);
  const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
  const posted = await browse(new URL(action.replaceAll('&amp;', '&'), url), { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  if (posted.status < 300 || posted.status >= 400) throw new Error(`the ${prompt} form answered ${posted.status}: ${(await posted.text()).slice(0, 500)}`);
  url = new URL(posted.headers.get('location'), url);
}

if (!callback) throw new Error('the provider never redirected back with a code');
if (callback.searchParams.get('error')) throw new Error(`the provider refused: ${callback.searchParams.get('error')} ${callback.searchParams.get('error_description')}`);
const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state }, { resource });
console.log(JSON.stringify({ access_token: tokens.access_token }));
