import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { newSigningSecret, SecretBox, signatureHeader } from './webhook-crypto';
import { addressProblem, endpointUrlProblem } from './webhook-target';

const octet = fc.integer({ min: 0, max: 255 });
const v4 = (a: number | fc.Arbitrary<number>, b: fc.Arbitrary<number> = octet) =>
  fc.tuple(typeof a === 'number' ? fc.constant(a) : a, b, octet, octet).map((parts) => parts.join('.'));

describe('webhook targets', () => {
  it('refuses every private, link-local and shared IPv4 address, in and outside production, also IPv4-mapped', () => {
    const blocked = fc.oneof(
      v4(10),
      v4(192, fc.constant(168)),
      v4(172, fc.integer({ min: 16, max: 31 })),
      v4(169, fc.constant(254)),
      v4(100, fc.integer({ min: 64, max: 127 })),
      v4(0),
      v4(fc.integer({ min: 224, max: 255 })),
    );
    fc.assert(
      fc.property(blocked, fc.boolean(), (ip, production) => {
        expect(addressProblem(ip, production)).not.toBeNull();
        expect(addressProblem(`::ffff:${ip}`, production)).not.toBeNull();
        expect(endpointUrlProblem(`https://${ip}/hook`, production)).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('allows loopback only outside production', () => {
    fc.assert(
      fc.property(v4(127), (ip) => {
        expect(addressProblem(ip, false)).toBeNull();
        expect(addressProblem(ip, true)).toMatch(/loopback/);
      }),
    );
    expect(addressProblem('::1', false)).toBeNull();
    expect(addressProblem('::1', true)).toMatch(/loopback/);
    expect(endpointUrlProblem('https://localhost/x', true)).toMatch(/loopback/);
  });

  it('allows public addresses; refuses link-local and unique-local IPv6', () => {
    for (const ip of ['8.8.8.8', '1.1.1.1', '2001:4860:4860::8888'])
      expect(addressProblem(ip, true)).toBeNull();
    for (const ip of ['fe80::1', 'fd00::1', 'fc00::2', '::', 'ff02::1'])
      expect(addressProblem(ip, false)).not.toBeNull();
  });

  it('takes https (http only outside production), no credentials or fragment', () => {
    expect(endpointUrlProblem('https://example.com/hook', true)).toBeNull();
    expect(endpointUrlProblem('http://example.com/hook', false)).toBeNull();
    expect(endpointUrlProblem('http://example.com/hook', true)).toMatch(/https/);
    expect(endpointUrlProblem('ftp://example.com/', false)).toMatch(/https/);
    expect(endpointUrlProblem('https://a:b@example.com/', false)).toMatch(/password/);
    expect(endpointUrlProblem('https://example.com/#x', false)).toMatch(/fragment/);
    expect(endpointUrlProblem('example.com', false)).toMatch(/absolute/);
  });
});

describe('webhook secrets and signatures', () => {
  it('seals a secret that only its own endpoint id opens, and signs what the reference library verifies', () => {
    const box = new SecretBox('a-session-secret-of-some-length');
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.string(), (id, otherId, text) => {
        const secret = newSigningSecret();
        const sealed = box.seal(secret, id);
        expect(box.open(sealed, id)).toBe(secret);
        if (otherId !== id) expect(() => box.open(sealed, otherId)).toThrow();
        expect(() => new SecretBox('another-session-secret-here').open(sealed, id)).toThrow();
        const body = JSON.stringify({ type: 'webhook.test', data: { text } });
        const timestamp = Math.floor(Date.now() / 1000);
        const headers = {
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signatureHeader(secret, id, timestamp, body),
        };
        expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
      }),
      { numRuns: 100 },
    );
  });
});
