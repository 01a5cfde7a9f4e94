import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  mixin,
  NestInterceptor,
  Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';
import { DomainError, invalid } from './domain-error';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Accepts one CSV in the multipart field "file"; every upload problem is reported on that field. */
export function CsvUpload(): Type<NestInterceptor> {
  const Base = FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1 } });

  @Injectable()
  class CsvUploadInterceptor extends Base {
    override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await super.intercept(context, next);
      } catch (error) {
        if (!(error instanceof HttpException)) throw error;
        const tooLarge = error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE;
        const message = tooLarge
          ? `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`
          : `send exactly one CSV file in the multipart field "file" (${error.message})`;
        throw new DomainError(
          tooLarge ? 'file_too_large' : 'validation_failed',
          `file: ${message}`,
          error.getStatus(),
          [{ field: 'file', message }],
        );
      }
    }
  }
  return mixin(CsvUploadInterceptor);
}

/** The OpenAPI body of a CSV upload. */
export const fileBody = {
  schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
};

export function bytesOf(file: Express.Multer.File | undefined): Buffer {
  if (!file) throw invalid('file', 'attach a CSV file in the multipart field "file"');
  return file.buffer;
}
