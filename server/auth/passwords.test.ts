import { randomBytes, scryptSync } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { checkPassword, hashPassword, verifyPassword } from './passwords';

function legacyScryptHash(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

describe('passwords', () => {
  it('hashes with argon2id at the OWASP parameters and verifies', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('wrong horse', hash)).toBe(false);
    expect(await checkPassword('correct horse', hash)).toEqual({ ok: true, needsRehash: false });
  });

  it('accepts a legacy scrypt hash and asks for an upgrade only when the password is right', async () => {
    const legacy = legacyScryptHash('old secret');
    expect(await checkPassword('old secret', legacy)).toEqual({ ok: true, needsRehash: true });
    expect(await checkPassword('not it', legacy)).toEqual({ ok: false, needsRehash: false });
  });

  it('asks to rehash an argon2id hash made with weaker parameters', async () => {
    const weak = await argon2id({
      password: 'pw',
      salt: randomBytes(16),
      memorySize: 4096,
      iterations: 1,
      parallelism: 1,
      hashLength: 32,
      outputType: 'encoded',
    });
    expect(await checkPassword('pw', weak)).toEqual({ ok: true, needsRehash: true });
  });

  it('rejects a missing or malformed hash', async () => {
    expect(await verifyPassword('x', null)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});
