// A real OpenID Connect provider (npm oidc-provider) for CertGrid's sign-in tests, the way a community's own provider
// would run. Usage: node tests/identity/oidc-provider.mjs <port> <accounts.json>
// - issuer http://127.0.0.1:<port>; one confidential client "certgrid-web" (secret "certgrid-web-secret", redirect
//   http://127.0.0.1/callback, authorization code + PKCE);
// - access tokens are JWTs (RFC 9068) for any resource under https://certgrid.test/ (resource indicators, RFC 8707),
//   carrying the account's email, email_verified and groups;
// - accounts are read from <accounts.json> at every sign-in ({ "login": { "email", "email_verified", "groups" } }), so
//   the test can add people while the provider runs; the development login form accepts any password for them.
// Prints "ready <issuer>" once it listens; stops when its standard input closes.
import { readFileSync } from 'node:fs';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const [port, accountsFile] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const accounts = () => JSON.parse(readFileSync(accountsFile, 'utf8'));
const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'certgrid-web',
    client_secret: 'certgrid-web-secret',
    redirect_uris: ['http://127.0.0.1/callback'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  jwks: { keys: [{ ...signingKey, kid: 'test-key-1', use: 'sig', alg: 'RS256' }] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  scopes: ['openid', 'email'],
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: (ctx, client, oneOf) => oneOf,
      useGrantedResource: () => true,
      getResourceServerInfo: (ctx, resource) => {
        if (!resource.startsWith('https://certgrid.test/')) throw new Provider.errors.InvalidTarget();
        return { scope: 'certgrid', audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: 300, jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
  async findAccount(ctx, id) {
    const account = accounts()[id];
    if (!account) return undefined;
    return { accountId: id, claims: () => ({ sub: id, email: account.email, email_verified: account.email_verified }) };
  },
  async extraTokenClaims(ctx, token) {
    if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
    const account = accounts()[token.accountId] ?? {};
    return { email: account.email, email_verified: account.email_verified, groups: account.groups ?? [] };
  },
});
provider.on('server_error', (ctx, error) => console.error('server_error', error));

const server = provider.listen(Number(port), '127.0.0.1', () => console.log(`ready ${issuer}`));
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
