import { Input } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api/client';

interface Step {
  error: unknown;
  isError: boolean;
  reset: () => void;
}

/**
 * The state of a two-step CSV upload: preview the chosen file (nothing stored), then store it.
 * A refused store answers with its preview (`P`), so its row errors show like a preview's.
 */
export function useCsvUpload<P>({
  preview,
  store,
  chooseFileText,
}: {
  preview: Step;
  store: Step;
  /** The error when "preview" is pressed without a file. */
  chooseFileText: string;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState('');
  const apiFileError = [preview.error, store.error]
    .map((e) => (e instanceof ApiError ? e.fieldErrors()['file'] : undefined))
    .find(Boolean);
  const refused =
    store.error instanceof ApiError ? (store.error.body['preview'] as P | undefined) : undefined;
  const reset = () => {
    preview.reset();
    store.reset();
  };
  return {
    file,
    /** A new file (or a new choice that changes what the file means) drops both steps' results. */
    chooseFile: (next: File | null) => {
      setFile(next);
      reset();
    },
    reset,
    fileError: missingFile || apiFileError,
    refused,
    /** An error not shown at the file input nor as row errors. */
    otherError: (preview.isError || store.isError) && !apiFileError && !refused,
    /** The preview form's submit: a file must be chosen; a new preview drops the last store's result. */
    submitPreview: (run: (file: File) => void) => (event: FormEvent) => {
      event.preventDefault();
      if (!file) return setMissingFile(chooseFileText);
      setMissingFile('');
      store.reset();
      run(file);
    },
  };
}

/** A native file input for a CSV, labelled (and described) through Mantine's wrapper. */
export function CsvFileInput({
  label,
  description,
  error,
  onFile,
}: {
  label: string;
  description?: string;
  error?: string;
  onFile: (file: File | null) => void;
}) {
  const id = useId();
  return (
    <Input.Wrapper label={label} description={description} error={error} id={id}>
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        aria-invalid={!!error}
        aria-describedby={description ? `${id}-description` : undefined}
        onChange={(e) => onFile(e.currentTarget.files?.[0] ?? null)}
        style={{ display: 'block', marginTop: 6, maxWidth: '100%' }}
      />
    </Input.Wrapper>
  );
}
