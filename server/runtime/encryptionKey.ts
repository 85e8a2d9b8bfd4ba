import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Env } from '../env';
import type { Logger } from '../logger';
import { createSecretBox, parseKeys, type SecretBox } from '../security/secretBox';

/**
 * ENCRYPTION_KEY in production (required). Elsewhere a key is generated once into
 * DATA_DIR/encryption.key (mode 0600), so `npm start` works with nothing configured.
 */
export function loadSecretBox(env: Env, logger: Logger): SecretBox {
  const configured = env.CAREDESK_ENCRYPTION_KEYS ?? env.ENCRYPTION_KEY;
  if (configured) return createSecretBox(parseKeys(configured));
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'CAREDESK_ENCRYPTION_KEYS (or ENCRYPTION_KEY) is required in production (32 random bytes, base64): openssl rand -base64 32',
    );
  }
  const file = path.join(env.dataDir, 'encryption.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(env.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    logger.warn({ file }, 'generated a local encryption key; set ENCRYPTION_KEY in production');
  }
  return createSecretBox(parseKeys(fs.readFileSync(file, 'utf8')));
}
