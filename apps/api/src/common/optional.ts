import { ValidateIf } from 'class-validator';

/** Like @IsOptional, but only `undefined` may skip validation: an explicit null is still checked. */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);
