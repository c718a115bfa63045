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

/** What a transport reports once it has taken a message. */
export interface MailOutcome {
  /** The RFC 5322 Message-ID the message carries (`<msg_…@c360>`). */
  messageIdHeader: string;
  /** The transport's answer: the SMTP server's reply (`250 2.0.0 Ok: queued as …`) or the outbox file written. */
  response: string;
}

export interface MailTransport {
  readonly name: 'outbox' | 'smtp';
  /**
   * Hands the message over; throws when it could not (nothing was sent). Sending the same message
   * id again after a crash: the outbox replaces its one file; SMTP sends it again with the same
   * Message-ID (receiving systems can tell the copies apart).
   */
  send(message: MailMessage): Promise<MailOutcome>;
}

/**
 * Longest an SMTP exchange may stall (connection, greeting, any socket silence), in ms: well under
 * the idempotency lease of the email action (actions/quick-actions.ts), so a send that is still
 * running never outlives its reservation.
 */
export const SMTP_TIMEOUT_MS = 30_000;

/** The RFC 5322 Message-ID of a message. */
export const messageIdHeader = (id: string): string => `<${id}@c360>`;

/** Writes each message as `<dir>/<id>.json`. */
export class OutboxTransport implements MailTransport {
  readonly name = 'outbox' as const;
  constructor(readonly dir: string) {}

  async send(message: MailMessage): Promise<MailOutcome> {
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
        ? {
            attachments: message.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              base64: Buffer.from(a.content).toString('base64'),
            })),
          }
        : {}),
    };
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(eml, null, 2)}\n`, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, file);
    return { messageIdHeader: messageIdHeader(message.id), response: `written ${file}` };
  }
}

/** Sends through an SMTP server with nodemailer; the transporter is created on first use. */
export class SmtpTransport implements MailTransport {
  readonly name = 'smtp' as const;
  private transporter?: nodemailer.Transporter;
  constructor(readonly url: string) {}

  async send(message: MailMessage): Promise<MailOutcome> {
    this.transporter ??= nodemailer.createTransport({
      url: this.url,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    } as Parameters<typeof nodemailer.createTransport>[0]);
    const info = await this.transporter.sendMail({
      messageId: messageIdHeader(message.id),
      date: message.date,
      from: message.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      headers: message.headers,
      ...(message.attachments?.length
        ? {
            attachments: message.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: Buffer.from(a.content),
            })),
          }
        : {}),
    });
    return { messageIdHeader: String(info.messageId ?? messageIdHeader(message.id)), response: String(info.response ?? '') };
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
