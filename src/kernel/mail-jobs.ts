import { z } from "zod";
import { enqueue, type JobHandler } from "./jobs";
import type { Mail, Mailer } from "./mailer";

export const MAIL_JOB = "mail.send";

const mailPayload = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
});

/** Queue a mail in the caller's transaction; the job loop sends it, with retries. */
export function enqueueMail(
  tx: Parameters<typeof enqueue>[0],
  mail: Mail,
  opts: { idempotencyKey: string; now: Date },
): Promise<void> {
  return enqueue(tx, {
    kind: MAIL_JOB,
    payload: mail,
    idempotencyKey: opts.idempotencyKey,
    runAt: opts.now,
  });
}

export function mailJobHandler(mailer: Mailer): JobHandler {
  return async (payload) => {
    const mail = mailPayload.parse(payload);
    await mailer.send(mail.headers ? { ...mail, headers: mail.headers } : mail);
  };
}
