import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { API_ERROR_CODES } from '@wk/contracts';

/** Every .ts file of the api, specs left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('error codes', () => {
  // DomainError and conflict() only accept an ApiErrorCode (the compiler checks them); an
  // HttpException's payload is a plain object, so this test checks the codes written there.
  it('every code the api writes into an error payload is an ApiErrorCode', () => {
    const known = new Set<string>(API_ERROR_CODES);
    const unknown: string[] = [];
    for (const file of sources(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bcode: '([a-z_]+)'/g))
        if (!known.has(match[1])) unknown.push(`${file}: ${match[1]}`);
    }
    expect(unknown).toEqual([]);
  });
});
