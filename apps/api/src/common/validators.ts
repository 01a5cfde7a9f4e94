import {
  Validate,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { CADENCE_MESSAGES, cadenceProblem, isIanaTimeZone } from '@wk/domain';

@ValidatorConstraint({ name: 'ianaTimeZone' })
export class IanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && isIanaTimeZone(value);
  }
  defaultMessage() {
    return 'timeZone must be an IANA time zone such as Europe/Amsterdam';
  }
}

/**
 * A cadence BullMQ's scheduler accepts (the same parser) and the shared rule allows: five fields,
 * at most one firing a day (libs/domain cadence.ts).
 */
@ValidatorConstraint({ name: 'cronPattern' })
export class CronPattern implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return cadenceProblem(value) === null;
  }
  defaultMessage(args: ValidationArguments) {
    return `cron ${CADENCE_MESSAGES[cadenceProblem(args.value) ?? 'pattern']}`;
  }
}

/** A cadence (cron pattern) the scheduler accepts: `CronPattern` as a property decorator. */
export const IsCadence = () => Validate(CronPattern);
/** An IANA time zone: `IanaTimeZone` as a property decorator. */
export const IsTimeZone = () => Validate(IanaTimeZone);
