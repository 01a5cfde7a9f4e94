import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { UserEntity } from '../people/user.entity';
import { AccountLinksService } from './account-links.service';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginLimiterService } from './login-limiter.service';
import { OperatorAuthService } from './operator-auth.service';
import { OperatorController } from './operator.controller';
import { OperatorSessionEntity, PlatformOperatorEntity } from './operator.entities';
import { OperatorsRepository } from './operators.repository';
import { PasswordService } from './password.service';
import { SessionEntity, UserTokenEntity } from './session.entity';
import { SessionService } from './session.service';

/** Sign-in, sessions, one-time account links and the global guard that enforces every route's rule. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      SessionEntity,
      UserTokenEntity,
      UserEntity,
      PlatformOperatorEntity,
      OperatorSessionEntity,
    ]),
    NotificationsModule,
  ],
  controllers: [AuthController, ApiKeysController, OperatorController],
  providers: [
    AuthService,
    SessionService,
    PasswordService,
    LoginLimiterService,
    AccountLinksService,
    ApiKeysRepository,
    ApiKeysService,
    OperatorsRepository,
    OperatorAuthService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccountLinksService, SessionService, PasswordService, OperatorAuthService, LoginLimiterService],
})
export class AuthModule {}
