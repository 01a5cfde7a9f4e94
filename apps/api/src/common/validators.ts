import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { CronExpressionParser } from 'cron-parser';
import { isIanaTimeZone } from '@wk/domain';

@ValidatorConstraint({ name: 'ianaTimeZone' })
export class IanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && isIanaTimeZone(value);
  }
  defaultMessage() {
    return 'timeZone must be an IANA time zone such as Europe/Amsterdam';
  }
}

/** A cron pattern BullMQ's scheduler accepts (the same parser), with an optional seconds field. */
@ValidatorConstraint({ name: 'cronPattern' })
export class CronPattern implements ValidatorConstraintInterface {
  validate(value: unknown) {
    if (typeof value !== 'string' || value.trim().split(/\s+/).length < 5) return false;
    try {
      CronExpressionParser.parse(value);
      return true;
    } catch {
      return false;
    }
  }
  defaultMessage() {
    return 'cron must be a cron pattern such as "0 9 * 1,4,7,10 1#1" (first Monday of each quarter, 09:00)';
  }
}
