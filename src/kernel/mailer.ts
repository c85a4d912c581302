import nodemailer from "nodemailer";
import type { Db } from "../db/client";
import { devOutbox } from "./schema";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
};

export type Mailer = { send(mail: Mail): Promise<void>; kind: "smtp" | "outbox" };

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    kind: "smtp",
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: mail.headers ?? {},
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
        text: mail.text,
        headers: mail.headers ?? {},
      });
    },
  };
}
