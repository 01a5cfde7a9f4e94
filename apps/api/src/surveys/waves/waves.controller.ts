import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Wave } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../../auth/authenticated.decorator';
import type { AuthContext } from '../../auth/authenticated.decorator';
import { UuidParam } from '../../common/uuid-param';
import { WaveYouSaidDto } from '../dto/wave.dto';
import { SurveyReportService } from '../survey-report.service';
import { WavesService } from './waves.service';

@ApiTags('customer surveys')
@Controller('waves')
export class WavesController {
  constructor(
    private readonly waves: WavesService,
    private readonly report: SurveyReportService,
  ) {}

  @Patch(':id')
  @Authenticated({ permission: 'surveys.write' })
  @ApiOperation({
    summary: 'Set or clear the wave\'s "you said, we did" line (NL/EN, at most 300 characters each)',
  })
  async update(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Wave')) id: string,
    @Body() dto: WaveYouSaidDto,
  ): Promise<Wave> {
    await this.report.wave(auth.organisationId, id);
    await this.waves.setYouSaid(auth.organisationId, id, dto);
    return this.report.wave(auth.organisationId, id);
  }

  @Post(':id/reminder')
  @Authenticated({ permission: 'surveys.write' })
  @HttpCode(200)
  @ApiOperation({ summary: "Send the wave's one reminder now (409 already_reminded or closed)" })
  async remind(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Wave')) id: string): Promise<Wave> {
    await this.report.wave(auth.organisationId, id);
    await this.waves.remind(id, { manual: true, organisationId: auth.organisationId });
    return this.report.wave(auth.organisationId, id);
  }

  @Post(':id/close')
  @Authenticated({ permission: 'surveys.write' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the wave: its links stop; contact data goes after the retention days' })
  async close(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Wave')) id: string): Promise<Wave> {
    await this.report.wave(auth.organisationId, id);
    await this.waves.close(id, auth.organisationId);
    return this.report.wave(auth.organisationId, id);
  }
}
