import {
  codeChallengeS256,
  createCodeVerifier,
  createOAuthState,
  hashOAuthState,
  sameOAuthState,
} from './pkce';

describe('PKCE and OAuth state', () => {
  it('computes the S256 challenge of the RFC 7636 appendix B example', () => {
    expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes verifiers of 43 unreserved characters that differ every time', () => {
    const a = createCodeVerifier();
    const b = createCodeVerifier();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(codeChallengeS256(a)).not.toBe(codeChallengeS256(b));
  });

  it('makes unguessable states and stores only their hash', () => {
    const s = createOAuthState();
    expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createOAuthState()).not.toBe(s);
    expect(hashOAuthState(s)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOAuthState(s)).not.toContain(s);
    expect(sameOAuthState(s, s)).toBe(true);
    expect(sameOAuthState(s, createOAuthState())).toBe(false);
  });
});
