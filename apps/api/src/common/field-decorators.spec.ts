import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { createValidationPipe } from './validation';
import { IntBetween, RequiredText } from './field-decorators';
import { trim } from './transforms';

/** The same rules written out one above the other, as the DTOs had them. */
class Written {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5)
  name!: string;

  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(9, { each: true })
  days!: number[];
}

class Composed {
  @RequiredText(5)
  name!: string;

  @IntBetween(1, 9, { each: true })
  days!: number[];
}

const errorsOf = async (metatype: new () => object, value: object) => {
  try {
    await createValidationPipe().transform(value, { type: 'body', metatype });
    return [];
  } catch (error) {
    return (error as { getResponse(): { errors: unknown[] } }).getResponse().errors;
  }
};

describe('composed field decorators', () => {
  it.each([
    { name: ' Ada ', days: [1, 9] },
    { name: '   ', days: [0] },
    { name: 7, days: [10, 1.5] },
    { name: null, days: 'x' },
    { name: 'abcdefgh', days: [] },
  ])(
    'refuse and accept what the written-out rules do, with the same errors in the same order: %j',
    async (body) => {
      expect(await errorsOf(Composed, body)).toEqual(await errorsOf(Written, body));
    },
  );

  it('trim a required text before checking it', async () => {
    const dto = await createValidationPipe().transform(
      { name: ' Ada ', days: [] },
      { type: 'body', metatype: Composed },
    );
    expect(dto).toMatchObject({ name: 'Ada' });
    expect(await errorsOf(Composed, { name: 7, days: [10] })).toHaveLength(3);
  });
});
