/** The one number formatter lives in libs/domain (the board report PDF uses it too). */
export { formatDecimal, formatNumber, numberLocale, type NumberKind } from '@wk/domain';
