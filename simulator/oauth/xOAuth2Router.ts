import express, { type Request, type Response, type Router } from 'express';
import type { SimulatorState } from '../x/store';
import { SIM_X_CLIENT_ID, SIM_X_CLIENT_SECRET } from './xOAuth2Store';

/**
 * X's OAuth 2.0 authorization code flow with PKCE, as documented for user context:
 * authorize at `https://x.com/i/oauth2/authorize`, tokens from `POST https://api.x.com/2/oauth2/token`
 * (form-encoded; confidential clients authenticate with HTTP Basic, public clients send `client_id`),
 * `POST /2/oauth2/revoke`. Our reference (channel-apis.md) does not cover OAuth: the error bodies
 * (`{error, error_description}` per RFC 6749) and the 30 s code lifetime are UNCONFIRMED.
 * The authorize page is a consent form; posting it with `decision=allow` approves (what a test does).
 */
export function createXOAuth2Router(state: SimulatorState): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });

  router.get('/i/oauth2/authorize', (req, res) => {
    const params = authorizeParams(req.query as Record<string, unknown>);
    if ('error' in params) {
      res.status(400).type('text/plain').send(params.error);
      return;
    }
    res.type('html').send(consentPage(params));
  });

  router.post('/i/oauth2/authorize', form, (req, res) => {
    const params = authorizeParams(req.body as Record<string, unknown>);
    if ('error' in params) {
      res.status(400).type('text/plain').send(params.error);
      return;
    }
    const target = new URL(params.redirect_uri);
    target.searchParams.set('state', params.state);
    if ((req.body as Record<string, unknown>).decision !== 'allow') {
      target.searchParams.set('error', 'access_denied');
    } else {
      const code = state.oauth2.issueCode({
        clientId: params.client_id,
        redirectUri: params.redirect_uri,
        challenge: params.code_challenge,
        scope: params.scope,
      });
      target.searchParams.set('code', code);
    }
    res.redirect(302, target.toString());
  });

  router.post('/2/oauth2/token', form, (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const clientId = authenticateClient(req, body);
    if (!clientId) return oauthError(res, 401, 'invalid_client', 'Missing or bad client credentials');
    if (body.grant_type === 'authorization_code') {
      if (!body.code || !body.redirect_uri || !body.code_verifier) {
        return oauthError(res, 400, 'invalid_request', 'code, redirect_uri and code_verifier are required');
      }
      const result = state.oauth2.redeemCode({
        code: body.code,
        clientId,
        redirectUri: body.redirect_uri,
        verifier: body.code_verifier,
      });
      if ('error' in result)
        return oauthError(res, 400, result.error, 'Value passed for the authorization code was invalid.');
      res.json(result);
      return;
    }
    if (body.grant_type === 'refresh_token') {
      if (!body.refresh_token) return oauthError(res, 400, 'invalid_request', 'refresh_token is required');
      const result = state.oauth2.redeemRefresh(body.refresh_token);
      if ('error' in result)
        return oauthError(res, 400, result.error, 'Value passed for the token was invalid.');
      res.json(result);
      return;
    }
    oauthError(res, 400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
  });

  router.post('/2/oauth2/revoke', form, (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    if (!authenticateClient(req, body)) return oauthError(res, 401, 'invalid_client', 'Missing client');
    if (body.token) state.oauth2.revoke(body.token);
    res.json({ revoked: true });
  });

  return router;
}

interface AuthorizeParams {
  client_id: string;
  redirect_uri: string;
  scope: string;
  state: string;
  code_challenge: string;
}

function authorizeParams(q: Record<string, unknown>): AuthorizeParams | { error: string } {
  const get = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : '');
  if (get('response_type') !== 'code') return { error: 'response_type must be code' };
  if (get('client_id') !== SIM_X_CLIENT_ID) return { error: 'unknown client_id' };
  if (get('code_challenge_method') !== 'S256') return { error: 'code_challenge_method must be S256' };
  if (!/^[A-Za-z0-9_-]{43}$/.test(get('code_challenge'))) return { error: 'bad code_challenge' };
  if (!get('state')) return { error: 'state is required' };
  try {
    new URL(get('redirect_uri'));
  } catch {
    return { error: 'bad redirect_uri' };
  }
  return {
    client_id: get('client_id'),
    redirect_uri: get('redirect_uri'),
    scope: get('scope'),
    state: get('state'),
    code_challenge: get('code_challenge'),
  };
}

function authenticateClient(req: Request, body: Record<string, string | undefined>): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const [id, secret] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    return id === SIM_X_CLIENT_ID && secret === SIM_X_CLIENT_SECRET ? id : null;
  }
  return body.client_id === SIM_X_CLIENT_ID ? body.client_id : null;
}

function oauthError(res: Response, status: number, error: string, description: string): void {
  res.status(status).json({ error, error_description: description });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function consentPage(p: AuthorizeParams): string {
  const hidden = Object.entries({ ...p, response_type: 'code', code_challenge_method: 'S256' })
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize app (simulator)</title></head>
<body><main><h1>Authorize Caredesk to access your account?</h1><p>Scopes: ${escapeHtml(p.scope)}</p>
<form method="post" action="/i/oauth2/authorize">${hidden}
<button type="submit" name="decision" value="allow">Authorize app</button>
<button type="submit" name="decision" value="deny">Cancel</button></form></main></body></html>`;
}
