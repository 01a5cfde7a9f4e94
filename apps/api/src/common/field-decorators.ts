import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, type ValidationOptions } from 'class-validator';
import { trim } from './transforms';

/**
 * Property decorators applied as if written one above the other in this order (the lowest first,
 * as TypeScript does), so a property's validation errors keep the order they always had.
 */
const stacked =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorator of [...decorators].reverse()) decorator(target, key);
  };

/** A text field: trimmed, then a string of at most `maxLength` characters (empty allowed). */
export const TrimmedText = (maxLength: number) => stacked(Transform(trim), IsString(), MaxLength(maxLength));

/** A required text field (a name, a URL): trimmed, then a non-empty string of at most `maxLength` characters. */
export const RequiredText = (maxLength: number) =>
  stacked(Transform(trim), IsString(), IsNotEmpty(), MaxLength(maxLength));

/** A whole number from `min` to `max`; with `{ each: true }` every element of an array. */
export const IntBetween = (min: number, max: number, options?: ValidationOptions) =>
  stacked(IsInt(options), Min(min, options), Max(max, options));
