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
import { OPERATOR_COOKIE, OperatorAuthService } from './operator-auth.service';
import { SESSION_COOKIE, SessionService } from './session.service';

/** Global guard: fails closed. A route without an access rule is refused, never open by accident. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly apiKeys: ApiKeysService,
    private readonly operators: OperatorAuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule)
      throw new ForbiddenException({ code: 'no_access_rule', message: 'This route declares no access rule' });
    if (rule.public) return true;
    // ScimAuthenticated() always attaches ScimTokenGuard, which checks the SCIM token after this guard.
    if ('scim' in rule) return true;

    const request = context
      .switchToHttp()
      .getRequest<Request & { auth?: unknown; apiKey?: unknown; operator?: unknown }>();
    if ('operator' in rule) {
      const token = operatorTokenFrom(request);
      request.operator = token ? await this.operators.resolve(token) : null;
      if (!request.operator)
        throw new UnauthorizedException({
          code: 'unauthenticated',
          message: 'Sign in as platform operator first',
        });
      return true;
    }
    if ('apiKey' in rule) {
      const key = bearerFrom(request);
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

/** The operator's own cookie (or a bearer token): never the organisation session cookie. */
export function operatorTokenFrom(request: Request): string | undefined {
  return cookieFrom(request, OPERATOR_COOKIE) ?? bearerFrom(request);
}

export function tokenFrom(request: Request): string | undefined {
  return cookieFrom(request, SESSION_COOKIE) ?? bearerFrom(request);
}

function cookieFrom(request: Request, name: string): string | undefined {
  return (request.cookies as Record<string, string> | undefined)?.[name] || undefined;
}

function bearerFrom(request: Request): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || undefined : undefined;
}
