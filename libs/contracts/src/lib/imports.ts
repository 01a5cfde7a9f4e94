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

/** What the reader detected: Excel writes ';' (Dutch CSV), ',' or a tab (its "Unicode text", UTF-16). */
export type CsvDelimiter = ',' | ';' | '\t';
export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface ImportPreview {
  kind: ImportKind;
  delimiter: CsvDelimiter;
  encoding: CsvEncoding;
  columns: string[];
  rows: ImportRowResult[];
  summary: Record<ImportAction, number>;
}

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/** An import runs as a worker job: all rows in one transaction, or none. */
export interface ImportJob {
  id: string;
  kind: ImportKind;
  status: ImportJobStatus;
  /** Rows applied so far of the file's rows; reaches total just before the commit. */
  progress: { done: number; total: number };
  /** Done: what was applied, row by row. Failed on rows found wrong at apply time: those rows. */
  result: ImportPreview | null;
  /** Why a failed job wrote nothing. */
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}
