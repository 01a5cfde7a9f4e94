import { Injectable } from '@nestjs/common';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Locale } from '@wk/domain';
import { AppConfig } from '../config/config';

/**
 * The secrets and addresses of the survey links. A single-use token is an HMAC of the invitation
 * id (the reminder repeats the link; only its hash is stored); a contact's quarantine key is an
 * HMAC of the address per organisation, so the quarantine outlives the deleted contact data.
 */
@Injectable()
export class SurveyLinks {
  constructor(private readonly config: AppConfig) {}

  tokenFor(invitationId: string): string {
    return this.hmac(`survey:${invitationId}`);
  }

  static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  invitationLink(invitationId: string, locale: Locale): string {
    return `${this.config.publicUrl}/r/${this.tokenFor(invitationId)}?lang=${locale}`;
  }

  openLink(code: string): string {
    return `${this.config.publicUrl}/q/${code}`;
  }

  /** A new open-link code: 16 random bytes, short enough for a small QR code. */
  static newOpenCode(): string {
    return randomBytes(16).toString('base64url');
  }

  emailKey(organisationId: string, email: string): string {
    return this.hmac(`contact:${organisationId}:${email.trim().toLowerCase()}`, 'hex');
  }

  /** The CRM's Idempotency-Key as stored: a keyed hash, so the table holds no CRM key to join on. */
  idempotencyKey(organisationId: string, key: string): string {
    return this.hmac(`idempotency:${organisationId}:${key}`, 'hex');
  }

  private hmac(input: string, encoding: 'base64url' | 'hex' = 'base64url'): string {
    return createHmac('sha256', this.config.SESSION_SECRET).update(input).digest(encoding);
  }
}
