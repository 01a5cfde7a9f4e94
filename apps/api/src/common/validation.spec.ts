import { ValidationError } from '@nestjs/common';
import { toFieldErrors } from './validation';

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
