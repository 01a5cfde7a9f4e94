import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Permission, Role } from '@wk/contracts';

export const ACCESS_RULE = 'wk:access-rule';

export type AccessRule =
  | { public: true }
  | { public: false; permission: Permission }
  | { public: false; apiKey: true }
  | { public: false; operator: true }
  /** SCIM provisioning token (apps/api/src/scim): `ScimAuthenticated()` sets it together with its own guard. */
  | { public: false; scim: true };

/** Who may call a route. Every route carries exactly one of `@Authenticated` or `@Public`. */
export function Authenticated(options: { permission: Permission }) {
  return applyDecorators(
    SetMetadata(ACCESS_RULE, { public: false, permission: options.permission } satisfies AccessRule),
    ApiCookieAuth(),
    ApiExtension('x-permission', options.permission),
    ApiUnauthorizedResponse({ description: 'Not signed in' }),
    ApiForbiddenResponse({ description: `Role lacks ${options.permission}` }),
  );
}

/** Open to anyone: sign-in, password links, health. Rate limits apply where it matters. */
export function Public() {
  return applyDecorators(
    SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule),
    ApiExtension('x-public', true),
  );
}

/** Called by another system (a CRM) with an organisation API key: `Authorization: Bearer <key>`. */
export function ApiKeyAuthenticated() {
  return applyDecorators(
    SetMetadata(ACCESS_RULE, { public: false, apiKey: true } satisfies AccessRule),
    ApiBearerAuth('api-key'),
    ApiExtension('x-api-key', true),
    ApiUnauthorizedResponse({ description: 'No valid, unrevoked API key' }),
  );
}

/** For the platform operator only (outside every organisation); no organisation role ever passes. */
export function OperatorAuthenticated() {
  return applyDecorators(
    SetMetadata(ACCESS_RULE, { public: false, operator: true } satisfies AccessRule),
    ApiCookieAuth('wk_operator'),
    ApiExtension('x-operator', true),
    ApiUnauthorizedResponse({ description: 'Not signed in as platform operator' }),
  );
}

export interface OperatorAuth {
  operatorId: string;
  sessionId: string;
}

export const CurrentOperator = createParamDecorator((_: unknown, ctx: ExecutionContext): OperatorAuth => {
  const operator = ctx.switchToHttp().getRequest().operator as OperatorAuth | undefined;
  if (!operator) throw new Error('CurrentOperator used on a route without @OperatorAuthenticated');
  return operator;
});

/** The organisation an API key belongs to, resolved by the AuthGuard. */
export interface ApiKeyContext {
  organisationId: string;
  keyId: string;
}

export const CurrentApiKey = createParamDecorator((_: unknown, ctx: ExecutionContext): ApiKeyContext => {
  const apiKey = ctx.switchToHttp().getRequest().apiKey as ApiKeyContext | undefined;
  if (!apiKey) throw new Error('CurrentApiKey used on a route without @ApiKeyAuthenticated');
  return apiKey;
});

/** The signed-in caller, resolved from the session by the AuthGuard. */
export interface AuthContext {
  userId: string;
  organisationId: string;
  role: Role;
  sessionId: string;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest().auth as AuthContext | undefined;
  if (!auth) throw new Error('CurrentUser used on a route without @Authenticated');
  return auth;
});
