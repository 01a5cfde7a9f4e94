import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface OidcTestClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

/** The test OpenID provider (test/support/oidc-provider.mjs) in a child process on 127.0.0.1. */
export class OidcTestProvider {
  issuer = '';
  private child?: ChildProcess;

  /** `devInteractions`: oidc-provider's own login and consent pages, for a real browser. */
  async start(clients: OidcTestClient[], options: { devInteractions?: boolean } = {}): Promise<string> {
    const child = spawn(process.execPath, [resolve(__dirname, 'oidc-provider.mjs')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        OIDC_CLIENTS: JSON.stringify(clients),
        OIDC_DEV_INTERACTIONS: options.devInteractions ? '1' : '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // Its warnings (development adapter, Node version) are noise unless it fails to start.
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    this.issuer = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) done(JSON.parse(line).issuer);
      });
      child.once('exit', (code) => fail(new Error(`OIDC provider exited with ${code}: ${errors}`)));
    });
    return this.issuer;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise((done) => {
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  }
}

/** Cookies per origin, as a browser keeps them (enough for these redirects). */
class CookieJar {
  private readonly jar = new Map<string, Map<string, string>>();

  store(url: string, res: Response): void {
    const origin = new URL(url).origin;
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    for (const header of res.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(origin, cookies);
  }

  header(url: string): string {
    const cookies = this.jar.get(new URL(url).origin) ?? new Map();
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).origin)?.get(name);
  }
}

export interface SsoOutcome {
  /** The api's last redirect: '/' when signed in, '/login?sso_error=<code>' when refused. */
  location: string;
  /** The session cookie the api set, if any. */
  session?: string;
}

/**
 * Drives a browser through single sign-on by hand: the api's start redirect, the provider's
 * authorization and login (as `account`), and back to the api's callback. `alterCallback` may
 * change the callback URL (to tamper with the state) before the browser follows it.
 */
export async function signInWithSso(
  apiUrl: string,
  startPath: string,
  account: string,
  options: { alterCallback?: (url: URL) => void; dropStateCookie?: boolean } = {},
): Promise<SsoOutcome> {
  const jar = new CookieJar();
  let url = apiUrl + startPath;
  for (let hop = 0; hop < 10; hop++) {
    const target = new URL(url);
    if (target.pathname.startsWith('/interaction/')) target.searchParams.set('login', account);
    const isCallback = target.pathname === '/api/auth/sso/callback';
    if (isCallback) {
      options.alterCallback?.(target);
    }
    const cookie = isCallback && options.dropStateCookie ? '' : jar.header(target.toString());
    const res = await fetch(target, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    jar.store(target.toString(), res);
    await res.arrayBuffer();
    const location = res.headers.get('location');
    if (!location) throw new Error(`${res.status} without redirect at ${target}`);
    const next = new URL(location, target);
    // Back at the api after the callback (or refused before reaching the provider).
    if (next.origin === new URL(apiUrl).origin && !next.pathname.startsWith('/api/')) {
      return { location: next.pathname + next.search, session: jar.get(apiUrl, 'wk_session') };
    }
    url = next.toString();
  }
  throw new Error('too many redirects');
}
