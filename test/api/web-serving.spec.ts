import fc from 'fast-check';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { RunningApi, startApi } from '../support/harness';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET without any decoding, so that the Content-Encoding and the bytes on the wire can be checked. */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const INDEX = '<!doctype html><title>Waardenkompas</title><div id="root"></div>';
/** The light pages of the pages opened from outside (apps/web/src/public), as the build leaves them. */
const LIGHT = {
  answer: '<!doctype html><title>Waardenkompas</title><script src="/assets/answer-A1.js"></script>',
  'self-assessment':
    '<!doctype html><title>Waardenkompas</title><script src="/assets/self-assessment-B2.js"></script>',
  login: '<!doctype html><title>Waardenkompas</title><script src="/assets/login-C3.js"></script>',
};
// Large enough to be worth compressing, like a real chunk.
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `woord ${i}`))};\n`;
const ASSET = 'index-Ab12Cd34.js';

/**
 * How the api serves the built dashboard (issue 13, fast on a phone): hashed files under /assets are
 * cached for good and sent precompressed (brotli or gzip, as the browser accepts); index.html is
 * revalidated on every visit; source maps and unknown assets are a 404, never the app's HTML.
 */
describe('serving the dashboard build', () => {
  let api: RunningApi;
  let dist: string;

  beforeAll(async () => {
    // A build as vite leaves it: hashed files with .br/.gz beside them (and a stray map, which must stay private).
    dist = mkdtempSync(join(tmpdir(), 'wk-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    for (const [page, html] of Object.entries(LIGHT)) writeFileSync(join(dist, `${page}.html`), html);
    writeFileSync(join(dist, 'assets', ASSET), SCRIPT);
    writeFileSync(join(dist, 'assets', `${ASSET}.br`), brotliCompressSync(SCRIPT));
    writeFileSync(join(dist, 'assets', `${ASSET}.gz`), gzipSync(SCRIPT));
    writeFileSync(join(dist, 'assets', `${ASSET}.map`), '{"version":3,"sources":["secret.ts"]}');
    writeFileSync(join(dist, 'assets', 'index-Zz99.css'), 'body{margin:0}');
    // The dashboard's own robots.txt, as vite copies it from apps/web/public.
    copyFileSync(
      join(__dirname, '..', '..', 'apps', 'web', 'public', 'robots.txt'),
      join(dist, 'robots.txt'),
    );
    api = await startApi({ WEB_DIST: dist, SMTP_URL: undefined });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends a hashed asset brotli or gzip compressed as accepted, cached immutably, the same script decoded', async () => {
    const br = await get(api.url, `/assets/${ASSET}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 2);

    const gz = await get(api.url, `/assets/${ASSET}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await get(api.url, `/assets/${ASSET}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);

    const css = await get(api.url, '/assets/index-Zz99.css');
    expect(css.status).toBe(200);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers index.html, also as the fallback of any page, and a public page its light page, revalidated, never immutably', async () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom<[string, string]>(
            ['/', INDEX],
            ['/index.html', INDEX],
            ['/people', INDEX],
            ['/login', LIGHT.login],
            ['/login?next=%2Finsights', LIGHT.login],
            ['/login/extra', INDEX],
            ['/forgot-password', INDEX],
          ),
          fc
            .tuple(fc.constantFrom('/r/', '/q/'), token)
            .map(([prefix, id]): [string, string] => [`${prefix}${id}?lang=en`, LIGHT.answer]),
          token.map((id): [string, string] => [`/self-assessment/${id}`, LIGHT['self-assessment']]),
          token.map((id): [string, string] => [`/insights/values/${id}`, INDEX]),
          token.map((id): [string, string] => [`/q/${id}/more`, INDEX]),
        ),
        async ([path, page]) => {
          const res = await get(api.url, path, { 'accept-encoding': 'gzip, br' });
          expect(res.status).toBe(200);
          expect(res.headers['content-type']).toMatch(/text\/html/);
          expect(res.headers['cache-control']).toBe('no-cache');
          expect(res.body.toString()).toBe(page);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('never serves a source map, and an unknown asset is a 404 rather than the app page', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const map = await get(api.url, `/assets/${ASSET}.map`, { 'accept-encoding': encoding });
      expect(map.status).toBe(404);
      expect(map.body.toString()).not.toContain('secret.ts');
    }
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[a-z]{1,12}-[A-Za-z0-9]{8}\.(js|css|js\.map|css\.map)$/),
        async (name) => {
          const res = await get(api.url, `/assets/${name}`, { 'accept-encoding': 'gzip, br' });
          expect(res.status).toBe(404);
          expect(res.headers['content-type'] ?? '').not.toMatch(/text\/html/);
          expect(res.headers['cache-control'] ?? '').not.toMatch(/immutable/);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('answers /robots.txt with the rules, not the app page: personal links stay out of search engines', async () => {
    const res = await get(api.url, '/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body.toString()).toMatch(/^User-agent: \*\s*\nDisallow: \/\s*$/m);
  });

  it('leaves the api as it was: JSON, not the app page, and not cached', async () => {
    const res = await get(api.url, '/api/health', { 'accept-encoding': 'gzip, br' });
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.headers['cache-control'] ?? '').not.toMatch(/immutable/);
  });
});
