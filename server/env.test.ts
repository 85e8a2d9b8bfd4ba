import { parseEnv } from './env';

describe('parseEnv', () => {
  it('runs in demo mode with the embedded database when nothing is configured', () => {
    const env = parseEnv({}, '/srv/caredesk');
    expect(env).toMatchObject({ PORT: 3000, demo: true, xCredentials: null });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir).toBe('/srv/caredesk/.data');
    expect(env.pollIntervalMs).toBe(5000);
  });

  it('leaves demo mode when real X credentials are set', () => {
    const env = parseEnv({ X_OAUTH2_ACCESS_TOKEN: 'token' });
    expect(env.demo).toBe(false);
    expect(env.xCredentials).toEqual({ kind: 'oauth2', accessToken: 'token' });
    expect(env.pollIntervalMs).toBe(10_000);
  });

  it('accepts a complete set of OAuth 1.0a keys and refuses a partial one', () => {
    const keys = {
      X_CONSUMER_KEY: 'k',
      X_CONSUMER_SECRET: 's',
      X_ACCESS_TOKEN: 't',
      X_ACCESS_TOKEN_SECRET: 'ts',
    };
    expect(parseEnv(keys).xCredentials).toMatchObject({ kind: 'oauth1', appKey: 'k', accessSecret: 'ts' });
    expect(() => parseEnv({ X_CONSUMER_KEY: 'k' })).toThrow(/X_CONSUMER_SECRET/);
  });

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ DEMO_MODE: 'maybe' })).toThrow(/DEMO_MODE/);
    expect(() => parseEnv({ X_API_BASE_URL: 'not a url' })).toThrow(/X_API_BASE_URL/);
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ DATABASE_URL: '  ', REDIS_URL: '' })).toMatchObject({
      DATABASE_URL: undefined,
      REDIS_URL: undefined,
    });
  });

  it('builds PUBLIC_URL from HOST and PORT unless set, and refuses one that is not a URL', () => {
    expect(parseEnv({}).publicUrl).toBe('http://127.0.0.1:3000');
    expect(parseEnv({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(parseEnv({ PUBLIC_URL: 'https://support.example.com/' }).publicUrl).toBe(
      'https://support.example.com',
    );
    expect(() => parseEnv({ PUBLIC_URL: 'support.example.com' })).toThrow(/PUBLIC_URL/);
  });

  it('configures OIDC sign-in only from a complete, https (or loopback) set of variables', () => {
    expect(parseEnv({}).oidc).toBeNull();
    const oidc = {
      OIDC_ISSUER_URL: 'https://login.example.com/realms/support',
      OIDC_CLIENT_ID: 'caredesk',
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_REDIRECT_URL: 'https://support.example.com/api/auth/oidc/callback',
      OIDC_ALLOWED_DOMAINS: 'Example.com, example.org',
    };
    expect(parseEnv(oidc).oidc).toEqual({
      issuerUrl: oidc.OIDC_ISSUER_URL,
      clientId: 'caredesk',
      clientSecret: 's3cret',
      redirectUrl: oidc.OIDC_REDIRECT_URL,
      allowedDomains: ['example.com', 'example.org'],
    });
    expect(() => parseEnv({ ...oidc, OIDC_CLIENT_ID: '' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => parseEnv({ ...oidc, OIDC_ISSUER_URL: 'http://login.example.com' })).toThrow(/https/);
    expect(parseEnv({ ...oidc, OIDC_ISSUER_URL: 'http://127.0.0.1:9000' }).oidc?.issuerUrl).toBe(
      'http://127.0.0.1:9000',
    );
  });

  it('reads the session idle timeout and the login lockout policy', () => {
    expect(parseEnv({})).toMatchObject({
      SESSION_IDLE_MINUTES: 30,
      LOGIN_MAX_FAILURES: 5,
      LOGIN_LOCKOUT_MINUTES: 15,
    });
    expect(() => parseEnv({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES/);
  });
});
