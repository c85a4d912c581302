import { createHash } from "node:crypto";
import { z } from "zod";
import { enqueue, type JobHandler, type JobInfo } from "./jobs";
import type { Mail, Mailer } from "./mailer";

export const MAIL_JOB = "mail.send";

const mailPayload = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
  attachments: z
    .array(z.object({ filename: z.string(), contentType: z.string(), contentBase64: z.string() }))
    .optional(),
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

/**
 * The left part of a mail's Message-ID, the same for every attempt of one job: delivery is at
 * least once (a worker can die after the SMTP server took a mail and before it is marked sent),
 * and a resend with the same Message-ID is folded into one by mail clients. The hash of the
 * job's creation time keeps ids unique when a database is reset and ids start over.
 */
export function messageKey(job: Pick<JobInfo, "id" | "createdAt">): string {
  const hash = createHash("sha256")
    .update(`${job.id}:${job.createdAt.toISOString()}`)
    .digest("hex")
    .slice(0, 16);
  return `job-${job.id}.${hash}`;
}

export function mailJobHandler(mailer: Mailer): JobHandler {
  return async (payload, job) => {
    const { headers, attachments, ...mail } = mailPayload.parse(payload);
    await mailer.send({
      ...mail,
      ...(headers ? { headers } : {}),
      ...(attachments ? { attachments } : {}),
      messageKey: messageKey(job),
    });
  };
}
