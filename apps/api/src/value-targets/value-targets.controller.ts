import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ValueTargetChange } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { SetValueTargetDto } from './value-targets.dto';
import { ValueTargetsService } from './value-targets.service';

@ApiTags('values')
@Controller('values')
export class ValueTargetsController {
  constructor(private readonly targets: ValueTargetsService) {}

  @Put(':key/target')
  @Authenticated({ permission: 'values.write' })
  @ApiOperation({
    summary:
      "Change a current value's target from now on, without a new version (past periods keep theirs; 404 for a key not in the current version)",
  })
  set(
    @CurrentUser() auth: AuthContext,
    @Param('key') key: string,
    @Body() dto: SetValueTargetDto,
  ): Promise<ValueTargetChange> {
    return this.targets.set(auth, key, dto.targetGrade);
  }

  @Get(':key/targets')
  @Authenticated({ permission: 'values.read' })
  @ApiOperation({
    summary: "A value's target history, newest first: its versions' targets and changes on their own",
  })
  history(@CurrentUser() auth: AuthContext, @Param('key') key: string): Promise<ValueTargetChange[]> {
    return this.targets.history(auth, key);
  }
}
