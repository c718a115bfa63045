/**
 * Where the email quick action (R14) hands its messages: a pluggable {@link MailTransport}.
 *
 * - `outbox` (default): one JSON file per message (`<messageId>.json`, the headers and the text
 *   of an `.eml`, attachments in base64) under `C360_OUTBOX` (default `./data/outbox/`), written atomically (temp file +
 *   rename) — for development, demos, tests, or a relay that picks the files up;
 * - `smtp`, when `C360_SMTP_URL` is set (`smtp://user:pass@host:587`, `smtps://…`): sent with
 *   nodemailer, one transporter per URL. A refusal or connection error of the server makes `send`
 *   throw (the action answers 502 and records nothing).
 *
 * The sender is `C360_MAIL_FROM` (default `c360 <no-reply@localhost>`).
 * @module
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';

export interface MailMessage {
  /** Our id of the message (`msg_…`); also the file name of the outbox transport. */
  id: string;
  from: string;
  to: string;
  subject: string;
  /** Plain text body. */
  text: string;
  date: Date;
  /** Extra headers (`X-C360-Customer`, `X-C360-Actor`). */
  headers: Record<string, string>;
  /** Files attached (a scheduled export's file). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface MailTransport {
  readonly name: 'outbox' | 'smtp';
  /** Hands the message over; throws when it could not (nothing was sent). */
  send(message: MailMessage): Promise<void>;
}

/** The RFC 5322 Message-ID of a message. */
export const messageIdHeader = (id: string): string => `<${id}@c360>`;

/** Writes each message as `<dir>/<id>.json`. */
export class OutboxTransport implements MailTransport {
  readonly name = 'outbox' as const;
  constructor(readonly dir: string) {}

  async send(message: MailMessage): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${message.id}.json`);
    const eml = {
      id: message.id,
      headers: {
        'Message-ID': messageIdHeader(message.id),
        Date: message.date.toUTCString(),
        From: message.from,
        To: message.to,
        Subject: message.subject,
        'MIME-Version': '1.0',
        'Content-Type': 'text/plain; charset=utf-8',
        ...message.headers,
      },
      text: message.text,
      ...(message.attachments?.length
        ? { attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, base64: Buffer.from(a.content).toString('base64') })) }
        : {}),
    };
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(eml, null, 2)}\n`, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, file);
  }
}

/** Sends through an SMTP server with nodemailer; the transporter is created on first use. */
export class SmtpTransport implements MailTransport {
  readonly name = 'smtp' as const;
  private transporter?: nodemailer.Transporter;
  constructor(readonly url: string) {}

  async send(message: MailMessage): Promise<void> {
    this.transporter ??= nodemailer.createTransport(this.url);
    await this.transporter.sendMail({
      messageId: messageIdHeader(message.id),
      date: message.date,
      from: message.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      headers: message.headers,
      ...(message.attachments?.length
        ? { attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) })) }
        : {}),
    });
  }
}

export interface MailConfig {
  transport: MailTransport;
  from: string;
}

const cache = new Map<string, MailConfig>();

/** The transport and sender configured by `C360_SMTP_URL`, `C360_OUTBOX` and `C360_MAIL_FROM` (read at each call, cached per value). */
export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const smtp = env.C360_SMTP_URL?.trim() || undefined;
  const outbox = resolve(env.C360_OUTBOX?.trim() || './data/outbox');
  const from = env.C360_MAIL_FROM?.trim() || 'c360 <no-reply@localhost>';
  const key = JSON.stringify([smtp, outbox, from]);
  let config = cache.get(key);
  if (!config) {
    config = { transport: smtp ? new SmtpTransport(smtp) : new OutboxTransport(outbox), from };
    cache.set(key, config);
  }
  return config;
}
