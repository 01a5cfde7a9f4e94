import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Journey } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { UuidParam } from '../common/uuid-param';
import { JourneyDto } from './dto/customers.dto';
import { JourneysService } from './journeys.service';

@ApiTags('customers')
@Controller('journeys')
export class JourneysController {
  constructor(private readonly journeys: JourneysService) {}

  @Get()
  @Authenticated({ permission: 'customers.read' })
  @ApiOperation({ summary: 'Customer journeys by name, each with its teams and ordered touchpoints' })
  list(@CurrentUser() auth: AuthContext): Promise<Journey[]> {
    return this.journeys.list(auth);
  }

  @Post()
  @Authenticated({ permission: 'customers.write' })
  @ApiOperation({ summary: 'Create a journey with its touchpoints in journey order' })
  create(@CurrentUser() auth: AuthContext, @Body() dto: JourneyDto): Promise<Journey> {
    return this.journeys.create(auth, dto);
  }

  @Get(':id')
  @Authenticated({ permission: 'customers.read' })
  get(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Journey')) id: string): Promise<Journey> {
    return this.journeys.get(auth, id);
  }

  @Put(':id')
  @Authenticated({ permission: 'customers.write' })
  @ApiOperation({
    summary:
      'Replace the whole journey: touchpoints with an id keep their row, new ones are added, left-out ones ' +
      'removed (409 in_use, changing nothing, while surveys or answers use one)',
  })
  replace(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Journey')) id: string,
    @Body() dto: JourneyDto,
  ): Promise<Journey> {
    return this.journeys.replace(auth, id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: 'customers.write' })
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a journey (409 in_use while surveys or answers use it or its touchpoints)',
  })
  remove(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Journey')) id: string): Promise<void> {
    return this.journeys.remove(auth, id);
  }
}
