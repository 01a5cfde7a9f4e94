import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { errors, generators } from 'openid-client';
import type { TokenSet, UserinfoResponse } from 'openid-client';
import { emailDomain } from '@wk/contracts';
import type { SsoErrorCode } from '@wk/contracts';
import { SessionService } from '../auth/session.service';
import { hashToken } from '../auth/tokens';
import { AppConfig } from '../config/config';
import { REDIS } from '../redis/redis.module';
import { OidcClients } from './oidc-clients';
import { SecretBox } from './secret-box';
import { signInEmail } from './sso-email';
import { SsoRepository, SsoSettingsRow } from './sso.repository';

/** A sign-in that ends on the login page with this code. */
export class SsoRefused extends Error {
  constructor(
    readonly code: SsoErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

interface PendingSignIn {
  organisationId: string;
  issuerUrl: string;
  clientId: string;
  codeVerifier: string;
  nonce: string;
}

const STATE_TTL_SECONDS = 600;

/** The provider's answer as openid-client reads it (code, state, iss per RFC 9207, error). */
function callbackParams(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * The authorization code flow with PKCE, state and nonce. The pending sign-in waits in Redis under
 * the state's hash (single use, 10 minutes); the state also sits in an httpOnly cookie, so a
 * callback only completes in the browser that started it (no login CSRF).
 */
@Injectable()
export class SsoLoginService {
  private readonly logger = new Logger('SSO');
  private readonly box: SecretBox;

  constructor(
    private readonly repo: SsoRepository,
    private readonly oidc: OidcClients,
    private readonly sessions: SessionService,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    this.box = new SecretBox(config.SESSION_SECRET);
  }

  readonly stateTtlMs = STATE_TTL_SECONDS * 1000;

  /** The organisation to sign in to, by slug or by the domain of a work e-mail address. */
  async organisationFor(input: { slug?: string; email?: string }): Promise<string> {
    if (input.slug) {
      const organisation = await this.repo.organisationBySlug(input.slug);
      if (!organisation) throw new SsoRefused('not_configured');
      return organisation.id;
    }
    const matches = await this.repo.organisationsForDomain(emailDomain(input.email ?? ''));
    // None, or a domain that two organisations list: the person must name the organisation.
    if (matches.length !== 1) throw new SsoRefused('unknown_organisation');
    return matches[0].id;
  }

  /** Returns the provider's authorization URL and the state for the cookie. */
  async start(
    organisationId: string,
    redirectUri: string,
    loginHint?: string,
  ): Promise<{ url: string; state: string }> {
    const settings = await this.repo.settings(organisationId);
    if (!settings) throw new SsoRefused('not_configured');
    const client = await this.clientFor(settings, redirectUri);
    const state = generators.state();
    const pending: PendingSignIn = {
      organisationId,
      issuerUrl: settings.issuerUrl,
      clientId: settings.clientId,
      codeVerifier: generators.codeVerifier(),
      nonce: generators.nonce(),
    };
    await this.redis.set(this.key(state), JSON.stringify(pending), 'EX', STATE_TTL_SECONDS);
    const url = client.authorizationUrl({
      scope: 'openid email profile',
      state,
      nonce: pending.nonce,
      code_challenge: generators.codeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      ...(loginHint ? { login_hint: loginHint } : {}),
    });
    return { url, state };
  }

  /** Completes the sign-in and returns a session token, or throws SsoRefused. */
  async callback(
    query: Record<string, unknown>,
    cookieState: string | undefined,
    redirectUri: string,
    meta: { ip?: string; userAgent?: string },
  ): Promise<string> {
    const state = typeof query['state'] === 'string' ? query['state'] : '';
    if (!state || !cookieState || state !== cookieState) throw new SsoRefused('invalid_state');
    const stored = await this.redis.getdel(this.key(state));
    if (!stored) throw new SsoRefused('invalid_state');
    const pending = JSON.parse(stored) as PendingSignIn;
    if (typeof query['error'] === 'string') throw new SsoRefused('provider_error', String(query['error']));

    const settings = await this.repo.settings(pending.organisationId);
    // Settings changed while the person was at the provider: start again.
    if (!settings || settings.issuerUrl !== pending.issuerUrl || settings.clientId !== pending.clientId)
      throw new SsoRefused('not_configured');
    const client = await this.clientFor(settings, redirectUri);

    let tokens: TokenSet;
    try {
      // Checks the code exchange and the ID token: signature, issuer, audience, expiry, nonce.
      tokens = await client.callback(redirectUri, callbackParams(query), {
        state,
        nonce: pending.nonce,
        code_verifier: pending.codeVerifier,
        response_type: 'code',
      });
    } catch (error) {
      if (error instanceof errors.OPError) throw new SsoRefused('provider_error', error.message);
      throw new SsoRefused('invalid_token', (error as Error).message);
    }
    const idClaims = tokens.claims();
    let claims: Partial<UserinfoResponse> = idClaims;
    if (!claims.email && tokens.access_token) {
      try {
        // Checks that userinfo is about the same subject as the ID token.
        claims = { ...idClaims, ...(await client.userinfo(tokens)), sub: idClaims.sub };
      } catch (error) {
        throw new SsoRefused('invalid_token', (error as Error).message);
      }
    }
    const email = signInEmail(claims, settings.acceptUnverifiedEmail);
    if (!email) throw new SsoRefused('email_unverified');
    if (!settings.allowedDomains.includes(emailDomain(email))) throw new SsoRefused('domain_not_allowed');

    const linked = await this.repo.linkOrCreate({
      organisationId: settings.organisationId,
      email,
      name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email,
      issuer: settings.issuerUrl,
      subject: idClaims.sub,
      createIfMissing: settings.justInTime,
    });
    if ('refused' in linked) throw new SsoRefused(linked.refused);
    if (linked.created)
      this.logger.log(`created ${linked.user.id} in ${settings.organisationId} on first sign-in`);
    return this.sessions.create(linked.user, meta);
  }

  private async clientFor(settings: SsoSettingsRow, redirectUri: string) {
    let clientSecret: string;
    try {
      clientSecret = this.box.open(settings.clientSecretEncrypted, settings.organisationId);
    } catch {
      // SESSION_SECRET was rotated: the admin enters the client secret again.
      throw new SsoRefused('misconfigured', 'client secret cannot be decrypted');
    }
    try {
      return await this.oidc.client({ ...settings, clientSecret, redirectUri });
    } catch (error) {
      throw new SsoRefused('misconfigured', `discovery failed: ${(error as Error).message}`);
    }
  }

  private key(state: string): string {
    return `${this.config.QUEUE_PREFIX}:sso:state:${hashToken(state)}`;
  }
}
