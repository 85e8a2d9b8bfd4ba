import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM envelope for secrets at rest (channel tokens).
 * Format: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). The key id lets a rotation
 * re-encrypt rows written under an older key.
 */
export interface SecretBox {
  seal(plaintext: string): string;
  open(envelope: string): string;
}

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 8);
}

/** `keys[0]` encrypts; every key may decrypt (rotation). Keys are 32 raw bytes. */
export function createSecretBox(keys: Buffer[]): SecretBox {
  if (keys.length === 0 || keys.some((k) => k.length !== 32)) {
    throw new Error('ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  }
  const byId = new Map(keys.map((k) => [keyIdOf(k), k]));
  const current = keys[0]!;
  const currentId = keyIdOf(current);
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
      return ['v1', currentId, ...parts].join('.');
    },
    open(envelope) {
      const [version, keyId, iv, tag, data] = envelope.split('.');
      const key = keyId ? byId.get(keyId) : undefined;
      if (version !== 'v1' || !key || !iv || !tag || data === undefined) {
        throw new Error('Cannot decrypt secret: unknown format or key');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

/** Parses `ENCRYPTION_KEY` (comma-separated base64 keys, newest first). */
export function parseKeys(value: string): Buffer[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => Buffer.from(s, 'base64'));
}
