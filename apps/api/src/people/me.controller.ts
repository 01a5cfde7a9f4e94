import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Me } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import type { AuthContext } from '../auth/authenticated.decorator';
import { UpdateMeDto } from './dto/people.dto';
import { MeService } from './me.service';

/** The signed-in person: who am I, in which organisation, which teams do I manage. */
@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Authenticated({ permission: 'self.read' })
  get(@CurrentUser() auth: AuthContext): Promise<Me> {
    return this.me.me(auth);
  }

  @Patch()
  @Authenticated({ permission: 'self.write' })
  update(@CurrentUser() auth: AuthContext, @Body() dto: UpdateMeDto): Promise<Me> {
    return this.me.update(auth, dto);
  }
}
