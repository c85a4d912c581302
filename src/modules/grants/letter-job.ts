import { z } from "zod";
import type { Db, Executor } from "../../db/client";
import type { Clock } from "../../kernel/clock";
import { enqueue, type JobHandlers } from "../../kernel/jobs";
import { enqueueMail } from "../../kernel/mail-jobs";
import { addressesActingAs } from "../identity";
import { letterFacts, letterLines, letterPdf } from "./letter";
import { letterWords } from "./mail-texts";

/**
 * A grant's letter as a job: queued when the letter is sent (in that transaction), done by the
 * job loop, which builds the PDF and queues one mail to each of the municipality's coordinators,
 * each keyed by grant and address: sent once, however often the job is retried.
 */
export const LETTER_JOB = "grants.letter";

const payload = z.object({ grantId: z.number().int().positive() });

export function queueLetter(tx: Executor, grantId: number, now: Date) {
  return enqueue(tx, {
    kind: LETTER_JOB,
    payload: { grantId },
    idempotencyKey: `grant-letter:${grantId}`,
    runAt: now,
  });
}

/** The municipality's grant page, from configuration (never a request). */
export const grantLink = (linkBase: string, lang: string, grantId: number) =>
  `${linkBase.replace(/\/+$/, "")}/${lang}/tilskudd/${grantId}`;

export function letterJobHandlers(context: {
  db: Db;
  clock: Clock;
  linkBase: string;
}): JobHandlers {
  const { db, clock, linkBase } = context;
  return {
    async [LETTER_JOB](raw) {
      const { grantId } = payload.parse(raw);
      const now = clock.now();
      const facts = await letterFacts(db, grantId, now);
      if (!facts) throw new Error(`grant ${grantId} is not there`);
      const [pdf, to] = await Promise.all([
        letterPdf(facts),
        addressesActingAs(db, "municipal-coordinator", facts.grant.municipalityCode, now),
      ]);
      const lines = letterLines(facts);
      const w = letterWords[facts.standard];
      const text = [
        w.greeting(facts.municipalityName),
        "",
        ...lines.facts,
        "",
        `${lines.conditionsHeading}:`,
        ...lines.conditions,
        "",
        w.answerHere,
        grantLink(linkBase, facts.standard, grantId),
        "",
        lines.closing,
      ].join("\n");
      const attachment = {
        filename: `tilskuddsbrev-${grantId}.pdf`,
        contentType: "application/pdf",
        contentBase64: pdf.toString("base64"),
      };
      await db.transaction(async (tx) => {
        for (const address of to) {
          await enqueueMail(
            tx,
            { to: address, subject: lines.title, text, attachments: [attachment] },
            { idempotencyKey: `grant-letter:${grantId}:${address}`, now },
          );
        }
      });
    },
  };
}
