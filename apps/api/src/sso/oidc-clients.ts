import { Injectable } from '@nestjs/common';
import { custom, Issuer } from 'openid-client';
import type { BaseClient } from 'openid-client';

custom.setHttpOptionsDefaults({ timeout: 5000 });

/** Discovered provider metadata, kept for a few minutes: every sign-in would otherwise fetch it twice. */
@Injectable()
export class OidcClients {
  private readonly issuers = new Map<string, { issuer: Issuer; until: number }>();

  async discover(issuerUrl: string): Promise<Issuer> {
    const cached = this.issuers.get(issuerUrl);
    if (cached && cached.until > Date.now()) return cached.issuer;
    const issuer = await Issuer.discover(issuerUrl);
    this.issuers.set(issuerUrl, { issuer, until: Date.now() + 5 * 60_000 });
    return issuer;
  }

  async client(settings: {
    issuerUrl: string;
    clientId: string;
    clientSecret: string;
    redirectUri: string;
  }): Promise<BaseClient> {
    const issuer = await this.discover(settings.issuerUrl);
    const client = new issuer.Client({
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      redirect_uris: [settings.redirectUri],
      response_types: ['code'],
    });
    // Small clock differences between us and the provider should not fail a sign-in.
    client[custom.clock_tolerance] = 30;
    return client;
  }
}
