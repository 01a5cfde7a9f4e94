import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { roleHas } from '@wk/contracts';
import { ApiKeysService } from './api-keys.service';
import { ACCESS_RULE, AccessRule } from './authenticated.decorator';
import { SESSION_COOKIE, SessionService } from './session.service';

/** Global guard: fails closed. A route without an access rule is refused, never open by accident. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule)
      throw new ForbiddenException({ code: 'no_access_rule', message: 'This route declares no access rule' });
    if (rule.public) return true;

    const request = context.switchToHttp().getRequest<Request & { auth?: unknown; apiKey?: unknown }>();
    if ('apiKey' in rule) {
      const header = request.headers.authorization;
      const key = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      request.apiKey = key ? await this.apiKeys.resolve(key) : null;
      if (!request.apiKey)
        throw new UnauthorizedException({ code: 'invalid_api_key', message: 'A valid API key is required' });
      return true;
    }
    const token = tokenFrom(request);
    const auth = token ? await this.sessions.resolve(token) : null;
    if (!auth) throw new UnauthorizedException({ code: 'unauthenticated', message: 'Sign in first' });
    if (!roleHas(auth.role, rule.permission)) {
      throw new ForbiddenException({
        code: 'forbidden',
        message: `Your role (${auth.role}) may not do this`,
      });
    }
    request.auth = auth;
    return true;
  }
}

export function tokenFrom(request: Request): string | undefined {
  const cookie = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  if (cookie) return cookie;
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || undefined : undefined;
}
