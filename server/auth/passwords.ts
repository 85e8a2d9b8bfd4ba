import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { argon2id, argon2Verify } from 'hash-wasm';

const scryptAsync = promisify(scrypt) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: object,
) => Promise<Buffer>;

/**
 * OWASP's argon2id baseline (ASVS 2.4.1 / Password Storage Cheat Sheet): 19 MiB, 2 passes, 1 lane.
 * hash-wasm computes it in WebAssembly: no native addon to build, so a fresh `npm ci` works everywhere.
 */
export const ARGON2_PARAMS = {
  memorySize: 19_456,
  iterations: 2,
  parallelism: 1,
  hashLength: 32,
} as const;

/** argon2id hash in PHC format (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
export async function hashPassword(password: string): Promise<string> {
  return argon2id({ ...ARGON2_PARAMS, password, salt: randomBytes(16), outputType: 'encoded' });
}

/** Whether a stored argon2id hash was made with weaker parameters than today's (then rehash at login). */
function weakerThanToday(stored: string): boolean {
  if (!stored.startsWith('$argon2id$')) return true;
  // `$argon2id$v=19$m=19456,t=2,p=1$salt$hash`; the order of m, t and p varies between libraries.
  const params = new Map(
    (stored.split('$')[3] ?? '').split(',').map((kv) => {
      const [key = '', value = ''] = kv.split('=');
      return [key, Number(value)] as const;
    }),
  );
  return (
    (params.get('m') ?? 0) < ARGON2_PARAMS.memorySize ||
    (params.get('t') ?? 0) < ARGON2_PARAMS.iterations ||
    params.get('p') !== ARGON2_PARAMS.parallelism
  );
}

/**
 * Checks a password against an argon2id hash or a legacy scrypt hash (`scrypt$N$r$p$salt$hash`,
 * written before argon2id). `needsRehash` says the caller should store a fresh argon2id hash now
 * that it knows the password (transparent upgrade at login).
 */
export async function checkPassword(
  password: string,
  stored: string | null,
): Promise<{ ok: boolean; needsRehash: boolean }> {
  if (!stored) {
    // Burn comparable time so an unknown account answers no faster than a wrong password.
    await hashPassword(password);
    return { ok: false, needsRehash: false };
  }
  if (stored.startsWith('$argon2')) {
    const ok = await argon2Verify({ password, hash: stored }).catch(() => false);
    return { ok, needsRehash: ok && weakerThanToday(stored) };
  }
  const ok = await verifyScrypt(password, stored);
  return { ok, needsRehash: ok };
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  return (await checkPassword(password, stored)).ok;
}

async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
