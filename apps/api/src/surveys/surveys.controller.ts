import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseBoolPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import QRCode from 'qrcode';
import type { ContactPreview, ContactUploadResult, Survey, SurveyComments, Wave } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { CsvUpload, fileBody } from '../common/csv-upload.interceptor';
import { invalid } from '../common/domain-error';
import { UuidParam } from '../common/uuid-param';
import { ContactsService } from './contacts/contacts.service';
import { CreateSurveyDto, UpdateSurveyDto } from './dto/surveys.dto';
import { WaveYouSaidDto } from './dto/wave.dto';
import { SurveyReportService } from './survey-report.service';
import { SurveysService } from './surveys.service';
import { WaveSendingService } from './waves/wave-sending.service';

const upload = CsvUpload();
const parseSend = new ParseBoolPipe({
  optional: true,
  exceptionFactory: () => invalid('send', 'must be true or false'),
});

@ApiTags('customer surveys')
@Controller('surveys')
export class SurveysController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly contacts: ContactsService,
    private readonly waves: WaveSendingService,
    private readonly report: SurveyReportService,
  ) {}

  @Get()
  @Authenticated({ permission: 'surveys.read' })
  list(@CurrentUser() auth: AuthContext): Promise<Survey[]> {
    return this.surveys.list(auth);
  }

  @Post()
  @Authenticated({ permission: 'surveys.write' })
  @ApiOperation({ summary: 'Create a survey on a published values version; a schedule starts at once' })
  create(@CurrentUser() auth: AuthContext, @Body() dto: CreateSurveyDto): Promise<Survey> {
    return this.surveys.create(auth, dto);
  }

  @Get(':id')
  @Authenticated({ permission: 'surveys.read' })
  get(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Survey')) id: string): Promise<Survey> {
    return this.surveys.get(auth, id);
  }

  @Patch(':id')
  @Authenticated({ permission: 'surveys.write' })
  update(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Survey')) id: string,
    @Body() dto: UpdateSurveyDto,
  ): Promise<Survey> {
    return this.surveys.update(auth, id, dto);
  }

  @Post(':id/close')
  @Authenticated({ permission: 'surveys.write' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the survey: its schedule stops, its links and open waves close' })
  close(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Survey')) id: string): Promise<Survey> {
    return this.surveys.close(auth, id);
  }

  @Get(':id/qr.png')
  @Authenticated({ permission: 'surveys.read' })
  @Header('Content-Type', 'image/png')
  @Header('Content-Disposition', 'attachment; filename="vragenlijst-qr.png"')
  @ApiOperation({
    summary: 'The open link as a QR code (PNG, 600 px: 5 cm at 300 dpi; SVG for larger prints)',
  })
  async qrPng(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Survey')) id: string) {
    const link = await this.surveys.openLink(auth, id);
    return new StreamableFile(await QRCode.toBuffer(link, { type: 'png', width: 600, margin: 2 }));
  }

  @Get(':id/qr.svg')
  @Authenticated({ permission: 'surveys.read' })
  @Header('Content-Type', 'image/svg+xml')
  @ApiOperation({ summary: 'The open link as a QR code (SVG, scales for print)' })
  async qrSvg(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Survey')) id: string,
  ): Promise<string> {
    const link = await this.surveys.openLink(auth, id);
    return QRCode.toString(link, { type: 'svg', margin: 2 });
  }

  @Post(':id/contacts/preview')
  @Authenticated({ permission: 'surveys.write' })
  @HttpCode(200)
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  @ApiOperation({ summary: 'Check a contact list (email;segment;team;taal) row by row; stores nothing' })
  preview(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Survey')) id: string,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<ContactPreview> {
    return this.contacts.preview(auth, id, file);
  }

  @Post(':id/contacts')
  @Authenticated({ permission: 'surveys.write' })
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  @ApiQuery({ name: 'send', required: false, type: Boolean, description: 'Send a wave to them at once' })
  @ApiOperation({
    summary: 'Add a contact list for the next wave (all or nothing: 400 with the preview on any bad row)',
  })
  uploadContacts(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Survey')) id: string,
    @Query('send', parseSend) send: boolean | undefined,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<ContactUploadResult> {
    return this.contacts.upload(auth, id, file, send ?? false);
  }

  @Get(':id/waves')
  @Authenticated({ permission: 'surveys.read' })
  @ApiOperation({ summary: 'Waves with their funnel: invited, sent, opened, answered, skipped (quarantine)' })
  async wavesOf(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Survey')) id: string,
  ): Promise<Wave[]> {
    await this.surveys.get(auth, id);
    return this.report.waves(auth.organisationId, id);
  }

  @Post(':id/waves')
  @Authenticated({ permission: 'surveys.write' })
  @ApiOperation({
    summary:
      'Send a wave now to the contacts waiting (409 no_pending_contacts), with an optional "you said, we did" line',
  })
  async sendWave(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Survey')) id: string,
    @Body() dto: WaveYouSaidDto,
  ): Promise<Wave> {
    await this.surveys.assertOpen(auth, id);
    const waveId = await this.waves.sendPending(id, 'upload', null, dto);
    return this.report.wave(auth.organisationId, waveId!);
  }

  @Get(':id/comments')
  @Authenticated({ permission: 'surveys.read' })
  @ApiOperation({ summary: 'Latest comments, only from groups at or above the comment minimum' })
  async comments(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Survey')) id: string,
  ): Promise<SurveyComments> {
    await this.surveys.get(auth, id);
    return this.report.comments(auth.organisationId, id);
  }

  @Get(':id/comments/export')
  @Authenticated({ permission: 'surveys.read' })
  @ApiOperation({
    summary:
      'Every customer comment for the CSV export, only from groups at or above the comment minimum (no employee answers)',
  })
  async exportComments(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Survey')) id: string,
  ): Promise<SurveyComments> {
    await this.surveys.get(auth, id);
    return this.report.comments(auth.organisationId, id, null);
  }
}
