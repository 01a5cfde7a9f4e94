import { Injectable } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/config';
import { MAIL_CONCURRENCY } from '../jobs/queues';

/**
 * The SMTP connections (nodemailer, pooled), created lazily and only where SMTP_URL is set. The
 * mail worker closes them once its deliveries in flight are done (MailProcessor).
 */
@Injectable()
export class SmtpTransport {
  private transporter?: Transporter;

  constructor(private readonly config: AppConfig) {}

  get(): Transporter {
    if (!this.config.SMTP_URL) throw new Error('SMTP_URL is not set');
    // A pool keeps a few connections open: a round's thousands of invitations need no handshake each.
    this.transporter ??= createTransport(pooled(this.config.SMTP_URL), { from: this.config.MAIL_FROM });
    return this.transporter;
  }

  close(): void {
    this.transporter?.close();
    this.transporter = undefined;
  }
}

/** nodemailer reads pool options from the URL's query; an explicit setting in SMTP_URL wins. */
function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  if (!url.searchParams.has('maxConnections'))
    url.searchParams.set('maxConnections', String(MAIL_CONCURRENCY));
  return url.toString();
}
