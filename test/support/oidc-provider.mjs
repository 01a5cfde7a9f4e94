// A real OpenID Connect provider (panva's oidc-provider, ESM-only) for the SSO tests, run as a child
// process because Jest's CommonJS runtime cannot load it. Prints {"issuer": ...} once listening.
// Accounts: the account id is the e-mail; ids starting with "unverified." have email_verified false,
// "noverify." no email_verified at all, "edov." instead Entra's xms_edov true, "entra." no email but
// the address as preferred_username (what Microsoft Entra ID sends by default).
// The login screen: ?login=<account> signs in and consents at once (api tests); without it, with
// OIDC_DEV_INTERACTIONS=1, oidc-provider's own development login and consent pages (browser tests).
// Clients whose id starts with "tamper-aud" get ID tokens for another audience, "tamper-exp" expired
// ones, both validly signed with the provider's key (what a forged or replayed token would look like).
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
const clients = JSON.parse(process.env.OIDC_CLIENTS ?? '[]');
const devInteractions = process.env.OIDC_DEV_INTERACTIONS === '1';
const PREFIX = /^(unverified|noverify|edov|entra)\./;

function accountClaims(id) {
  const kind = id.match(PREFIX)?.[1];
  const address = id.replace(PREFIX, '');
  const base = { sub: id, name: `Test ${address.split('@')[0]}` };
  if (kind === 'entra') return { ...base, preferred_username: address };
  if (kind === 'noverify') return { ...base, email: address };
  if (kind === 'edov') return { ...base, email: address, xms_edov: true };
  return { ...base, email: address, email_verified: kind !== 'unverified' };
}

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: clients.map((c) => ({
    ...c,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  })),
  jwks: { keys: [jwk] },
  cookies: { keys: ['oidc-test-cookie-key'] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified', 'xms_edov'],
    profile: ['name', 'preferred_username'],
  },
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: devInteractions } },
  ...(devInteractions
    ? {}
    : { interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` } }),
  pkce: { required: () => true },
  findAccount: (_ctx, id) => ({
    accountId: id,
    claims: () => accountClaims(id),
  }),
});

const tampering = {
  'tamper-aud': () => ({ aud: 'another-client' }),
  'tamper-exp': (p) => ({ iat: p.iat - 7200, exp: p.iat - 3600, auth_time: p.iat - 7200 }),
};

provider.use(async (ctx, next) => {
  // The api tests name the account in ?login=; consent is granted at once.
  const interaction = ctx.path.match(/^\/interaction\/([^/]+)$/);
  if (interaction && ctx.method === 'GET' && ctx.query.login !== undefined) {
    const accountId = String(ctx.query.login ?? '');
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    const url = await provider.interactionResult(
      ctx.req,
      ctx.res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
    ctx.status = 303;
    ctx.redirect(url);
    return;
  }
  await next();
  const clientId = ctx.oidc?.client?.clientId ?? '';
  const tamper = Object.entries(tampering).find(([prefix]) => clientId.startsWith(prefix))?.[1];
  if (ctx.path === '/token' && ctx.status === 200 && ctx.body?.id_token && tamper) {
    const payload = decodeJwt(ctx.body.id_token);
    ctx.body = {
      ...ctx.body,
      id_token: await new SignJWT({ ...payload, ...tamper(payload) })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
        .sign(privateKey),
    };
  }
});

server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
