import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PublicRateLimitGuard } from '../common/public-rate-limit.guard';
import { OidcClients } from './oidc-clients';
import { SsoLoginController, SsoSettingsController } from './sso.controller';
import { SsoLoginService } from './sso-login.service';
import { SsoRepository } from './sso.repository';
import { SsoSettingsService } from './sso-settings.service';

/** Single sign-on with OpenID Connect, per organisation. */
@Module({
  imports: [AuthModule],
  controllers: [SsoSettingsController, SsoLoginController],
  providers: [SsoRepository, SsoSettingsService, SsoLoginService, OidcClients, PublicRateLimitGuard],
})
export class SsoModule {}
