import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MyAssessments } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { MyAssessmentsService } from './my-assessments.service';

@ApiTags('self-assessment')
@Controller('me/self-assessments')
export class MyAssessmentsController {
  constructor(private readonly history: MyAssessmentsService) {}

  @Get()
  @Authenticated({ permission: 'self.read' })
  @ApiOperation({
    summary:
      "My rounds: my answers and score per value, my team's average where the team meets the anonymity minimum",
  })
  mine(@CurrentUser() auth: AuthContext): Promise<MyAssessments> {
    return this.history.history(auth);
  }
}
