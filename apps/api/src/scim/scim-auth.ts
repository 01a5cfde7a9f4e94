import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  HttpStatus,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import type { Request } from 'express';
import { ACCESS_RULE, type AccessRule } from '../auth/authenticated.decorator';
import { ScimError } from './scim-errors';
import { ScimTokensService } from './scim-tokens.service';

/** The organisation a SCIM token belongs to. */
export interface ScimContext {
  organisationId: string;
  tokenId: string;
}

/**
 * Only a valid, unrevoked SCIM token of an organisation passes; sessions and API keys never do.
 * The token is read from this header only, so it opens nothing but the SCIM routes.
 */
@Injectable()
export class ScimTokenGuard implements CanActivate {
  constructor(private readonly tokens: ScimTokensService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { scim?: ScimContext | null }>();
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    request.scim = token ? await this.tokens.resolve(token) : null;
    if (!request.scim)
      throw new ScimError(
        HttpStatus.UNAUTHORIZED,
        'A valid, unrevoked SCIM token is required (Authorization: Bearer)',
      );
    return true;
  }
}

/**
 * The access rule of SCIM routes: the global AuthGuard lets `scim` rules through because this
 * decorator always attaches ScimTokenGuard with them (the rule is never set without the guard).
 */
export function ScimAuthenticated() {
  return applyDecorators(
    SetMetadata(ACCESS_RULE, { public: false, scim: true } satisfies AccessRule),
    UseGuards(ScimTokenGuard),
  );
}

export const CurrentScim = createParamDecorator((_: unknown, ctx: ExecutionContext): ScimContext => {
  const scim = ctx.switchToHttp().getRequest().scim as ScimContext | undefined;
  if (!scim) throw new Error('CurrentScim used on a route without @ScimAuthenticated');
  return scim;
});
