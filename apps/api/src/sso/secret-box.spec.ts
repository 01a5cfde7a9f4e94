import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('a-session-secret-of-enough-length');
  const org = '6f1c2d3e-0000-4000-8000-000000000001';

  it('round-trips any secret and never stores it readable', () => {
    for (const secret of ['s', 'client-secret-123', 'ünïcødé ✓', 'x'.repeat(500)]) {
      const sealed = box.seal(secret, org);
      // A one-letter secret may turn up in random base64 by chance; anything longer may not.
      if (secret.length > 3) expect(sealed).not.toContain(secret);
      expect(box.open(sealed, org)).toBe(secret);
    }
  });

  it('gives a different ciphertext each time (random IV)', () => {
    expect(box.seal('same', org)).not.toBe(box.seal('same', org));
  });

  it('refuses another organisation, another key and any altered byte', () => {
    const sealed = box.seal('client-secret', org);
    expect(() => box.open(sealed, '6f1c2d3e-0000-4000-8000-000000000002')).toThrow();
    expect(() => new SecretBox('another-session-secret-value').open(sealed, org)).toThrow();
    const parts = sealed.split('.');
    for (let i = 1; i < parts.length; i++) {
      const bytes = Buffer.from(parts[i], 'base64url');
      bytes[0] ^= 1;
      const altered = [...parts];
      altered[i] = bytes.toString('base64url');
      expect(() => box.open(altered.join('.'), org)).toThrow();
    }
  });
});
