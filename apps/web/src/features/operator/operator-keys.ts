/** The operator's list of organisations in the query cache. */
export const ORGANISATIONS_KEY = ['operator', 'organisations'];
