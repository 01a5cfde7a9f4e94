export const IMPORT_KINDS = ['employees', 'teams'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';

export interface ImportRowResult {
  /** 1-based line number in the file, the header being line 1. */
  line: number;
  action: ImportAction;
  /** The key the row upserts on (e-mail, employee number or team name). */
  key: string;
  errors: { column: string; message: string }[];
}

export interface ImportPreview {
  kind: ImportKind;
  delimiter: ',' | ';';
  encoding: 'utf-8' | 'windows-1252';
  columns: string[];
  rows: ImportRowResult[];
  summary: Record<ImportAction, number>;
}

export interface ImportResult extends ImportPreview {
  applied: true;
}
