import nodemailer from "nodemailer";
import type { Db } from "../db/client";
import { devOutbox } from "./schema";

/** A file sent with a mail; the content base64-encoded, so a queued mail is plain JSON. */
export type MailAttachment = { filename: string; contentType: string; contentBase64: string };

export type Mail = {
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /** Left part of the Message-ID, stable across resends (`messageKey` in mail-jobs). */
  messageKey?: string;
  /** An HTML part beside the text part (mailings: newsletters and messages). */
  html?: string;
  /** Where replies go (a message's sender). */
  replyTo?: string;
  /** The display name shown before the configured sender address ("FUB via Samspill"). */
  fromName?: string;
  /** The envelope sender (Return-Path): where delivery-status notifications go. */
  bounceTo?: string;
};

/** The domain of the sender's address, for Message-IDs: `Samspill <x@samspill.no>` → samspill.no. */
export function senderDomain(from: string): string {
  const address = from.match(/<([^>]+)>/)?.[1] ?? from;
  return address.slice(address.lastIndexOf("@") + 1).trim() || "localhost";
}

/** The address of a sender: `Samspill <x@samspill.no>` → x@samspill.no. */
export function senderAddress(from: string): string {
  return (from.match(/<([^>]+)>/)?.[1] ?? from).trim();
}

export type Mailer = { send(mail: Mail): Promise<void>; kind: "smtp" | "outbox" };

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  const domain = senderDomain(from);
  return {
    kind: "smtp",
    async send(mail) {
      await transport.sendMail({
        from: mail.fromName ? { name: mail.fromName, address: senderAddress(from) } : from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        ...(mail.bounceTo ? { envelope: { from: mail.bounceTo, to: [mail.to] } } : {}),
        headers: mail.headers ?? {},
        attachments: (mail.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.contentBase64, "base64"),
        })),
        ...(mail.messageKey ? { messageId: `<${mail.messageKey}@${domain}>` } : {}),
      });
    },
  };
}

/** With no SMTP server configured, mails land in a table shown at /dev/outbox in development. */
export function outboxMailer(db: Db): Mailer {
  return {
    kind: "outbox",
    async send(mail) {
      await db.insert(devOutbox).values({
        to: mail.to,
        subject: mail.subject,
        // The outbox keeps the text only: attachments are named, not stored.
        text: mail.attachments?.length
          ? `${mail.text}\n\n[${mail.attachments.map((a) => a.filename).join(", ")}]`
          : mail.text,
        headers: {
          ...(mail.headers ?? {}),
          ...(mail.messageKey ? { "Message-ID": `<${mail.messageKey}@outbox.localhost>` } : {}),
          ...(mail.replyTo ? { "Reply-To": mail.replyTo } : {}),
        },
      });
    },
  };
}
