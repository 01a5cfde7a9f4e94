import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { UserEntity } from '../people/user.entity';
import { AccountLinksService } from './account-links.service';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginLimiterService } from './login-limiter.service';
import { PasswordService } from './password.service';
import { SessionEntity, UserTokenEntity } from './session.entity';
import { SessionService } from './session.service';

/** Sign-in, sessions, one-time account links and the global guard that enforces every route's rule. */
@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity, UserTokenEntity, UserEntity]), NotificationsModule],
  controllers: [AuthController, ApiKeysController],
  providers: [
    AuthService,
    SessionService,
    PasswordService,
    LoginLimiterService,
    AccountLinksService,
    ApiKeysService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccountLinksService, SessionService, PasswordService],
})
export class AuthModule {}
