import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { FieldError } from '@wk/contracts';

type RuleArg = NonNullable<FieldError['args']>[number];

/**
 * Flattens nested class-validator errors into `a.b[0].c` field paths. With `rules`, each error
 * also carries the machine name of the failed rule (`constraint`: isEmail, maxLength…) and that
 * rule's arguments (`args`: [200]), so clients can say it in the reader's language.
 */
export function toFieldErrors(errors: ValidationError[], prefix = '', rules = false): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: rephrase(message, error.property, field),
      ...(rules ? ruleOf(error, constraint) : {}),
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field, rules)];
  });
}

function rephrase(message: string, property: string, field: string): string {
  if (message === `property ${property} should not exist`) return `${field} is not a known field`;
  return message;
}

/** The failed rule's name and, from the DTO's validation metadata, its arguments. */
function ruleOf(error: ValidationError, constraint: string): Pick<FieldError, 'constraint' | 'args'> {
  const target = error.target as object | undefined;
  if (!target) return { constraint };
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === constraint);
  const args = (metadata?.constraints ?? [])
    .flat()
    .filter((a): a is RuleArg => ['string', 'number', 'boolean'].includes(typeof a));
  return args.length ? { constraint, args } : { constraint };
}

/** The global pipe: strips nothing silently; unknown fields and wrong types are a 400 naming the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target is read only to find a rule's arguments (toFieldErrors); it never reaches the answer.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = toFieldErrors(errors, '', true);
      return new BadRequestException({
        code: 'validation_failed',
        message: fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors: fieldErrors,
      });
    },
  });
}
