import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { PublishCheck } from '@wk/domain';
import type {
  ValueDraftDiff,
  ValueSetTemplate,
  ValueSetVersion,
  ValueSetVersionSummary,
  ValueTemplateSummary,
} from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { notFound } from '../common/domain-error';
import { UuidParam } from '../common/uuid-param';
import { ValueSetContentDto, ValueSetTemplateDto } from './dto/value-set.dto';
import { templateSummaries, VALUE_TEMPLATES } from './templates';
import { ValueDraftsService } from './value-drafts.service';
import { ValuesService } from './values.service';

@ApiTags('values')
@Controller('values')
export class ValuesController {
  constructor(
    private readonly values: ValuesService,
    private readonly drafts: ValueDraftsService,
  ) {}

  @Get('current')
  @Authenticated({ permission: 'values.read' })
  @ApiOperation({
    summary: 'The published version everyone works with (404 no_published_version before the first)',
  })
  current(@CurrentUser() auth: AuthContext): Promise<ValueSetVersion> {
    return this.values.current(auth);
  }

  @Get('versions')
  @Authenticated({ permission: 'values.read' })
  @ApiOperation({ summary: 'Version history, newest first; the draft only for those who may edit' })
  versions(@CurrentUser() auth: AuthContext): Promise<ValueSetVersionSummary[]> {
    return this.values.versions(auth);
  }

  @Get('versions/:id')
  @Authenticated({ permission: 'values.read' })
  version(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Value set version')) id: string,
  ): Promise<ValueSetVersion> {
    return this.values.version(auth, id);
  }

  @Get('versions/:id/export')
  @Authenticated({ permission: 'values.read' })
  @ApiOperation({ summary: 'A version as a JSON template (download), importable into any organisation' })
  async export(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Value set version')) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ValueSetTemplate> {
    const template = await this.values.export(auth, id);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="waarden-${template.name.replace(/[^\w-]+/g, '-')}.json"`,
    );
    return template;
  }

  @Get('draft')
  @Authenticated({ permission: 'values.write' })
  @ApiOperation({ summary: 'The draft being edited (404 no_draft when there is none)' })
  draft(@CurrentUser() auth: AuthContext): Promise<ValueSetVersion> {
    return this.values.draft(auth);
  }

  @Post('draft')
  @Authenticated({ permission: 'values.write' })
  @ApiOperation({ summary: 'Start a draft as a copy of the current version (409 draft_exists)' })
  createDraft(@CurrentUser() auth: AuthContext): Promise<ValueSetVersion> {
    return this.drafts.createDraft(auth);
  }

  @Put('draft')
  @Authenticated({ permission: 'values.write' })
  @ApiOperation({ summary: 'Replace the whole content of the draft' })
  saveDraft(@CurrentUser() auth: AuthContext, @Body() dto: ValueSetContentDto): Promise<ValueSetVersion> {
    return this.drafts.saveDraft(auth, dto);
  }

  @Delete('draft')
  @Authenticated({ permission: 'values.write' })
  @HttpCode(204)
  discardDraft(@CurrentUser() auth: AuthContext): Promise<void> {
    return this.drafts.discardDraft(auth);
  }

  @Get('draft/check')
  @Authenticated({ permission: 'values.write' })
  @ApiOperation({ summary: 'What blocks publishing (errors) and advice (warnings)' })
  check(@CurrentUser() auth: AuthContext): Promise<PublishCheck> {
    return this.values.checkDraft(auth);
  }

  @Get('draft/diff')
  @Authenticated({ permission: 'values.write' })
  @ApiOperation({ summary: 'What publishing the draft changes against the current version' })
  diff(@CurrentUser() auth: AuthContext): Promise<ValueDraftDiff> {
    return this.values.diffDraft(auth);
  }

  @Post('draft/publish')
  @Authenticated({ permission: 'values.write' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the draft; it becomes the current version and is frozen' })
  publish(@CurrentUser() auth: AuthContext): Promise<ValueSetVersion> {
    return this.drafts.publish(auth);
  }

  @Post('draft/import')
  @Authenticated({ permission: 'values.write' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the draft content by a JSON template (starts a draft if needed)' })
  importDraft(@CurrentUser() auth: AuthContext, @Body() dto: ValueSetTemplateDto): Promise<ValueSetVersion> {
    return this.drafts.importDraft(auth, dto);
  }

  @Get('templates')
  @Authenticated({ permission: 'values.write' })
  @ApiOperation({ summary: 'Example value sets shipped with the product' })
  templates(): ValueTemplateSummary[] {
    return templateSummaries();
  }

  @Get('templates/:key')
  @Authenticated({ permission: 'values.write' })
  template(@Param('key') key: string): ValueSetTemplate {
    const template = Object.hasOwn(VALUE_TEMPLATES, key) ? VALUE_TEMPLATES[key] : undefined;
    if (!template) throw notFound('Template');
    return template;
  }
}
