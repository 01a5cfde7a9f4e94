import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseBoolPipe,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IMPORT_KINDS } from '@wk/contracts';
import type { ImportJob, ImportKind, ImportPreview } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../../auth/authenticated.decorator';
import type { AuthContext } from '../../auth/authenticated.decorator';
import { invalid, notFound } from '../../common/domain-error';
import { bytesOf, CsvUpload, fileBody } from '../../common/csv-upload.interceptor';
import { UuidParam } from '../../common/uuid-param';
import { ImportService } from './import.service';

const upload = CsvUpload();
const parseInvite = new ParseBoolPipe({
  optional: true,
  exceptionFactory: () => invalid('invite', 'must be true or false'),
});

function kindOf(value: string): ImportKind {
  if (!(IMPORT_KINDS as readonly string[]).includes(value)) throw notFound('Import kind');
  return value as ImportKind;
}

/**
 * CSV import of employees and teams: a preview that lists per-row errors, then an all-or-nothing
 * import that the worker applies as a job (a large file with invitations takes minutes).
 */
@ApiTags('import')
@Controller('import')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post(':kind/preview')
  @Authenticated({ permission: 'import.run' })
  @HttpCode(200)
  @UseInterceptors(upload)
  @ApiOperation({ summary: 'What importing this CSV would do, row by row; writes nothing' })
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS })
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  preview(
    @CurrentUser() auth: AuthContext,
    @Param('kind') kind: string,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<ImportPreview> {
    return this.imports.preview(auth, kindOf(kind), bytesOf(file));
  }

  @Get('jobs/:id')
  @Authenticated({ permission: 'import.run' })
  @ApiOperation({ summary: 'Status, progress and, when finished, the result of an import job' })
  job(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Import job')) id: string,
  ): Promise<ImportJob> {
    return this.imports.get(auth, id);
  }

  @Post(':kind')
  @Authenticated({ permission: 'import.run' })
  @HttpCode(202)
  @UseInterceptors(upload)
  @ApiOperation({
    summary:
      'Queue a job that upserts every row in one transaction (202 with the job; 400 with the preview when any row has errors)',
  })
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS })
  @ApiQuery({
    name: 'invite',
    required: false,
    type: Boolean,
    description: 'Mail an invitation to every new person',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  apply(
    @CurrentUser() auth: AuthContext,
    @Param('kind') kind: string,
    @Query('invite', parseInvite) invite: boolean | undefined,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<ImportJob> {
    return this.imports.start(auth, kindOf(kind), bytesOf(file), invite ?? false);
  }
}
