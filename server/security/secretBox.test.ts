import { randomBytes } from 'node:crypto';
import { createSecretBox } from './secretBox';

describe('secretBox', () => {
  const key = randomBytes(32);

  it('round-trips and never contains the plaintext', () => {
    const box = createSecretBox([key]);
    const sealed = box.seal('{"accessToken":"very-secret-token"}');
    expect(sealed).not.toContain('very-secret-token');
    expect(box.open(sealed)).toBe('{"accessToken":"very-secret-token"}');
  });

  it('uses a fresh IV each time', () => {
    const box = createSecretBox([key]);
    expect(box.seal('x')).not.toBe(box.seal('x'));
  });

  it('opens rows sealed under an older key after rotation', () => {
    const old = createSecretBox([key]).seal('token');
    const rotated = createSecretBox([randomBytes(32), key]);
    expect(rotated.open(old)).toBe('token');
  });

  it('refuses tampered ciphertext', () => {
    const box = createSecretBox([key]);
    const sealed = box.seal('token');
    const tampered = `${sealed.slice(0, -2)}AA`;
    expect(() => box.open(tampered)).toThrow();
  });

  it('refuses keys of the wrong size', () => {
    expect(() => createSecretBox([Buffer.alloc(16)])).toThrow(/32 bytes/);
  });
});
