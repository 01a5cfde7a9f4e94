import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Segment } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { UuidParam } from '../common/uuid-param';
import { SegmentDto } from './dto/customers.dto';
import { SegmentsService } from './segments.service';

@ApiTags('customers')
@Controller('segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @Get()
  @Authenticated({ permission: 'customers.read' })
  @ApiOperation({ summary: 'Customer segments (profiles) with their personas, by name' })
  list(@CurrentUser() auth: AuthContext): Promise<Segment[]> {
    return this.segments.list(auth);
  }

  @Post()
  @Authenticated({ permission: 'customers.write' })
  @ApiOperation({ summary: 'Create a segment (409 name_taken for a name in use, in any letter case)' })
  create(@CurrentUser() auth: AuthContext, @Body() dto: SegmentDto): Promise<Segment> {
    return this.segments.create(auth, dto);
  }

  @Put(':id')
  @Authenticated({ permission: 'customers.write' })
  @ApiOperation({ summary: 'Replace a segment; a description or persona left out becomes empty' })
  update(
    @CurrentUser() auth: AuthContext,
    @Param('id', UuidParam('Segment')) id: string,
    @Body() dto: SegmentDto,
  ): Promise<Segment> {
    return this.segments.update(auth, id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: 'customers.write' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an unused segment (409 in_use while journeys or survey data use it)' })
  remove(@CurrentUser() auth: AuthContext, @Param('id', UuidParam('Segment')) id: string): Promise<void> {
    return this.segments.remove(auth, id);
  }
}
