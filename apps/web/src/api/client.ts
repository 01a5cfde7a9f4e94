import type { ApiErrorBody, FieldError } from '@wk/contracts';
import { fieldErrorText } from './error-text';

/** An error answer of the api, with its body so forms can show field messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }

  /** Field errors keyed by field name (one message per field), in the reader's language. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.body.errors ?? []).map((e: FieldError) => [e.field, fieldErrorText(e)]));
  }
}

type Json = Record<string, unknown> | unknown[];

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: Json | FormData;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Calls `/api{path}` with the session cookie; resolves with the JSON body (or undefined on 204). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const isForm = options.body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(withQuery(`/api${path}`, options.query), {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers: options.body && !isForm ? { 'Content-Type': 'application/json' } : undefined,
      body: isForm ? (options.body as FormData) : options.body ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (cause) {
    throw new ApiError(0, { statusCode: 0, error: 'Network', code: 'network', message: String(cause) });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok)
    throw new ApiError(
      response.status,
      data ?? {
        statusCode: response.status,
        error: response.statusText,
        code: 'http',
        message: response.statusText,
      },
    );
  return data as T;
}
