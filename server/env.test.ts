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
});
