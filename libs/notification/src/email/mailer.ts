import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '@techbridge/platform';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** The SMTP connection (nodemailer) when SMTP_URL is set; without it the platform keeps notifications in-app. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private transport: Transporter | null = null;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.SMTP_URL;
  }

  /** Sends one message; resolves with the server's message id, rejects when the server refuses (the job retries). */
  async send(mail: OutgoingEmail): Promise<string> {
    if (!this.config.SMTP_URL) throw new Error('SMTP_URL is not set');
    this.transport ??= createTransport(this.config.SMTP_URL);
    const info = await this.transport.sendMail({ from: this.config.SMTP_FROM, ...mail });
    return String(info.messageId ?? '');
  }

  onApplicationShutdown(): void {
    this.transport?.close();
    this.transport = null;
  }
}
