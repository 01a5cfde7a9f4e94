import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BadRequestException, HttpException } from '@nestjs/common';
import { API_ERROR_CODES } from '@wk/contracts';
import { notFound } from './domain-error';
import { toErrorBody } from './http-error.filter';

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

describe('the error body', () => {
  it('names what a 404 was looking for, so clients can say it in their language', () => {
    expect(toErrorBody(notFound('Team'))).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'not_found',
      message: 'Team not found',
      resource: 'Team',
    });
    expect(toErrorBody(notFound('Owner', 'actions[0]')).message).toBe('Owner of actions[0] not found');
  });

  it('names an HttpException without a known code by its status', () => {
    expect(toErrorBody(new BadRequestException('Malformed JSON body: x')).code).toBe('bad_request');
    expect(toErrorBody(new HttpException({ code: 'not_a_code', message: 'x' }, 409)).code).toBe('conflict');
    expect(toErrorBody(new HttpException('teapot', 418)).code).toBe('error');
  });
});
