/** The api's PDF reader for tests (poppler's pdftotext), shared with its unit specs. */
export { pdfToText } from '@wk/api-testing';
