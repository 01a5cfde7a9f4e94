import type { ImportPreview } from '@wk/contracts';
import { QueryFailedError } from 'typeorm';

/** A failure that another attempt would meet again: the job fails at once, writing nothing. */
export class PermanentImportError extends Error {
  constructor(
    message: string,
    readonly preview: ImportPreview | null = null,
  ) {
    super(message);
  }
}

/** A database refusal of a row (bad data class 22, a constraint class 23): the same on every attempt. */
export function isPermanentDatabaseError(error: unknown): boolean {
  const code = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
  return !!code && (code.startsWith('22') || code.startsWith('23'));
}

/** Runs one row's writes; a refusal names the line of the file to look at. */
export async function atLine<T>(line: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isPermanentDatabaseError(error))
      throw new PermanentImportError(`line ${line}: ${(error as Error).message}; nothing was imported`);
    throw error;
  }
}
