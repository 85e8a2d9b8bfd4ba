// A real OpenID provider (oidc-provider) for the SSO integration test, in its own process because
// oidc-provider ships ES modules only. Env: OIDC_TEST_REDIRECT_URI, OIDC_TEST_ACCOUNTS (JSON:
// { sub: { email, email_verified } }). Prints `ISSUER <url>` once listening. The interaction
// (login) page signs in the account named by its `?login=<sub>` query, so a test can drive it.
import http from 'node:http';
import Provider from 'oidc-provider';

const accounts = JSON.parse(process.env.OIDC_TEST_ACCOUNTS ?? '{}');
const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'caredesk',
        client_secret: 'caredesk-test-secret',
        redirect_uris: [process.env.OIDC_TEST_REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    findAccount: (_ctx, sub) =>
      accounts[sub] ? { accountId: sub, claims: () => ({ sub, ...accounts[sub] }) } : undefined,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['oidc-test-cookie-key'] },
    // Consent is implied for this one first-party client.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  server.on('request', async (req, res) => {
    const match = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
    if (!match) return handle(req, res);
    try {
      const login = new URL(req.url, issuer).searchParams.get('login');
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: login } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  process.stdout.write(`ISSUER ${issuer}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
