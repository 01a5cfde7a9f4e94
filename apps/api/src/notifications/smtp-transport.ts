import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/config';

/** The SMTP connection (nodemailer), created lazily and only where SMTP_URL is set. */
@Injectable()
export class SmtpTransport implements OnApplicationShutdown {
  private transporter?: Transporter;

  constructor(private readonly config: AppConfig) {}

  get(): Transporter {
    if (!this.config.SMTP_URL) throw new Error('SMTP_URL is not set');
    this.transporter ??= createTransport(this.config.SMTP_URL, { from: this.config.MAIL_FROM });
    return this.transporter;
  }

  onApplicationShutdown() {
    this.transporter?.close();
  }
}
