import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HomeOverview } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { HomeService } from './home.service';

@ApiTags('home')
@Controller('home')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  @Get()
  @Authenticated({ permission: 'self.read' })
  @ApiOperation({
    summary:
      "The caller's next steps by role: own forms and appraisals, the team's actions; managers their teams' participation (counts from the anonymity minimum) and due reviews; HR open rounds and waves, values below target, overdue actions, the setup checklist",
  })
  overview(@CurrentUser() auth: AuthContext): Promise<HomeOverview> {
    return this.home.overview(auth);
  }
}
