// The Node snippets of docs/integration.md ("## Node"), run as written against a running Keyturn, with the real
// libraries. .ci/run-command-check calls it against the README's run command. Exits non-zero at the first answer
// that differs from what the page says.
//
// Environment: ISSUER (= keyturn.issuer, where Keyturn answers), ALG (keyturn.signing.algorithm), CLIENT_ID and
// CLIENT_SECRET of a confidential client with the role "service", ACCESS_TOKEN and REFRESH_TOKEN of a user's
// session opened with /api/auth/login (body mode). Prints no token or secret.
import assert from 'node:assert/strict';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as client from 'openid-client';

const env = (name) => {
  const value = process.env[name];
  assert.ok(value, `${name} is not set`);
  return value;
};
const issuer = env('ISSUER');
const algorithm = env('ALG');
const accessToken = env('ACCESS_TOKEN');
const refreshToken = env('REFRESH_TOKEN');
// plain http is for local development only; openid-client refuses it without this
const insecure = issuer.startsWith('http:') ? { execute: [client.allowInsecureRequests] } : undefined;

async function refuses(promise, what) {
  await assert.rejects(promise, undefined, what);
}

// --- jose: verifying access tokens -------------------------------------------------------------------------------
const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
const { payload } = await jwtVerify(accessToken, jwks, { issuer, audience: 'keyturn', algorithms: [algorithm] });
assert.ok(payload.sub && payload.preferred_username && payload.sid, 'the user token names its user and session');
assert.deepEqual(payload.groups, ['user']);
await refuses(jwtVerify(accessToken, jwks, { issuer, audience: 'another-api', algorithms: [algorithm] }),
    'a wrong audience');
await refuses(jwtVerify(accessToken, jwks, { issuer: `${issuer}/other`, audience: 'keyturn', algorithms: [algorithm] }),
    'a wrong issuer');
const [head, , signature] = accessToken.split('.');
const forged = Buffer.from(JSON.stringify({ ...payload, groups: ['admin'] })).toString('base64url');
await refuses(jwtVerify(`${head}.${forged}.${signature}`, jwks, { issuer, audience: 'keyturn', algorithms: [algorithm] }),
    'a changed payload');
await refuses(jwtVerify(accessToken, jwks, { issuer, audience: 'keyturn', algorithms: [algorithm === 'RS256' ? 'ES256' : 'RS256'] }),
    'another algorithm');
console.log('jose: the user token verifies; a wrong audience, issuer, payload or algorithm does not');

// --- openid-client: a confidential service ---------------------------------------------------------------------
const config = await client.discovery(new URL(issuer), env('CLIENT_ID'), env('CLIENT_SECRET'), undefined, insecure);
assert.equal(config.serverMetadata().issuer, issuer);
const tokens = await client.clientCredentialsGrant(config);
assert.equal(tokens.token_type, 'bearer');
assert.equal(tokens.refresh_token, undefined, 'client credentials give no refresh token');
const service = await jwtVerify(tokens.access_token, jwks, { issuer, audience: 'keyturn', algorithms: [algorithm] });
assert.equal(service.payload.sub, env('CLIENT_ID'));
assert.deepEqual(service.payload.groups, ['service']);
const info = await client.tokenIntrospection(config, accessToken);
assert.equal(info.active, true);
assert.equal(info.sub, payload.sub);
assert.equal(info.sid, payload.sid);
assert.deepEqual(await client.tokenIntrospection(config, 'not a token'), { active: false });
// a confidential client cannot end a user's login session: 200 all the same (RFC 7009), and nothing happens
await client.tokenRevocation(config, refreshToken);
assert.equal((await client.tokenIntrospection(config, refreshToken)).active, true, 'refused revocation kept it');
const wrong = await client.discovery(new URL(issuer), env('CLIENT_ID'), 'not the secret', undefined, insecure);
await assert.rejects(client.clientCredentialsGrant(wrong), (e) => e.status === 401, 'a wrong secret is a 401');
console.log('openid-client: discovery, client credentials, introspection; a wrong secret is refused');

// --- openid-client: a public client refreshes and ends the login session -----------------------------------------
const app = await client.discovery(new URL(issuer), 'node-snippet-app', undefined, client.None(), insecure);
const next = await client.refreshTokenGrant(app, refreshToken);
assert.ok(next.refresh_token && next.refresh_token !== refreshToken, 'the refresh token rotates');
await client.tokenRevocation(app, next.refresh_token);
assert.deepEqual(await client.tokenIntrospection(config, next.refresh_token), { active: false });
assert.equal((await client.tokenIntrospection(config, next.access_token)).active, false,
    'the session of a revoked refresh token is over');
await refuses(client.refreshTokenGrant(app, next.refresh_token), 'a revoked refresh token');
console.log('openid-client: a public client refreshed, then revoked the session');
