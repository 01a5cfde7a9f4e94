/** Every error the api returns has this shape; `errors` names the fields on a 400. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  errors?: FieldError[];
  /** Extra, error-specific detail, e.g. `preview` on a refused import. */
  [detail: string]: unknown;
}

export interface FieldError {
  field: string;
  message: string;
}
