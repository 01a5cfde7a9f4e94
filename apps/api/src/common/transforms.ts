/** class-transformer helper: trims strings and leaves every other value for the validators to judge. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
