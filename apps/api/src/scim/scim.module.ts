import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ScimTokenGuard } from './scim-auth';
import { ScimController } from './scim.controller';
import { ScimGroupsService } from './scim-groups.service';
import { ScimRepository } from './scim.repository';
import { ScimTokensController } from './scim-tokens.controller';
import { ScimTokensRepository } from './scim-tokens.repository';
import { ScimTokensService } from './scim-tokens.service';
import { ScimUsersService } from './scim-users.service';

/** SCIM 2.0 provisioning of people and teams by an identity provider, and its tokens. */
@Module({
  imports: [AuthModule, NotificationsModule],
  controllers: [ScimController, ScimTokensController],
  providers: [
    ScimRepository,
    ScimTokensRepository,
    ScimTokensService,
    ScimTokenGuard,
    ScimUsersService,
    ScimGroupsService,
  ],
})
export class ScimModule {}
