import { ANONYMITY_DEFAULT, effectiveMinimum, mayShowAggregate } from './anonymity';

describe('anonymity minimum', () => {
  it.each([
    // setting, enforced: why
    [undefined, 5, 'no setting falls back to the product default of 5'],
    [null, 5, 'an explicit null is treated as unset'],
    [7, 7, 'an organisation may raise the bar'],
    [3, 3, '3 is the lowest allowed'],
    [2, 3, 'below 3 is clamped up to the floor of 3'],
    [0, 3, 'zero would show single answers, so it is clamped'],
    [4.9, 4, 'fractions round down before the floor applies'],
    [Number.NaN, 5, 'a broken value falls back to the default'],
  ])('setting %p enforces %p (%s)', (setting, expected, _why) => {
    expect(effectiveMinimum(setting as number | null | undefined)).toBe(expected);
  });

  it('shows an aggregate only at or above the minimum', () => {
    expect(ANONYMITY_DEFAULT).toBe(5);
    expect(mayShowAggregate(4)).toBe(false);
    expect(mayShowAggregate(5)).toBe(true);
    expect(mayShowAggregate(3, 3)).toBe(true);
    expect(mayShowAggregate(2, 1)).toBe(false);
  });
});
