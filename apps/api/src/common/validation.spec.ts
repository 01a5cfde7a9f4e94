import { BadRequestException, ValidationError } from '@nestjs/common';
import { IsEmail, IsIn, IsString, MaxLength } from 'class-validator';
import type { FieldError } from '@wk/contracts';
import { createValidationPipe, toFieldErrors } from './validation';

describe('toFieldErrors', () => {
  it('names nested and array fields by path', () => {
    const child: ValidationError = {
      property: 'name',
      constraints: { maxLength: 'name must be shorter' },
      children: [],
    };
    const item: ValidationError = { property: '0', children: [child], constraints: {} };
    const list: ValidationError = { property: 'teams', children: [item] };
    const unknown: ValidationError = {
      property: 'foo',
      constraints: { whitelistValidation: 'property foo should not exist' },
    };
    expect(toFieldErrors([list, unknown])).toEqual([
      { field: 'teams[0].name', message: 'name must be shorter' },
      { field: 'foo', message: 'foo is not a known field' },
    ]);
  });
});

describe('the validation pipe', () => {
  class Person {
    @IsString()
    @MaxLength(5)
    name!: string;

    @IsEmail()
    email!: string;

    @IsIn(['nl', 'en'])
    locale!: string;
  }

  it('names the field in the message and gives the failed rule with its arguments', async () => {
    const refused = await createValidationPipe()
      .transform(
        { name: 'far too long', email: 'nope', locale: 'de', extra: 1 },
        { type: 'body', metatype: Person },
      )
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BadRequestException);
    const body = (refused as BadRequestException).getResponse() as { code: string; errors: FieldError[] };
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: expect.stringContaining('name'), constraint: 'maxLength', args: [5] },
        { field: 'email', message: expect.stringContaining('email'), constraint: 'isEmail' },
        {
          field: 'locale',
          message: expect.stringContaining('locale'),
          constraint: 'isIn',
          args: ['nl', 'en'],
        },
        { field: 'extra', message: 'extra is not a known field', constraint: 'whitelistValidation' },
      ]),
    );
    // The DTO instance never reaches the answer.
    expect(JSON.stringify(body)).not.toContain('far too long');
  });
});
