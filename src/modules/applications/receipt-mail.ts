import { z } from "zod";
import type { Db, Executor } from "../../db/client";
import { type Clock, osloToday } from "../../kernel/clock";
import { enqueue, type JobHandlers } from "../../kernel/jobs";
import { enqueueMail } from "../../kernel/mail-jobs";
import { addressesActingAs, getPerson } from "../identity";
import { programmeTitles } from "../programmes";
import { municipalityNames } from "./apply";
import { applicationById } from "./drafts";
import { formById } from "./forms";
import { applicationPdf } from "./pdf";
import { roundById } from "./rounds";
import { submissionOf } from "./submit";

type Standard = "nb" | "nn";

/**
 * The receipt of a submission as a job: queued in the submitting transaction (a receipt shown
 * means the mail will go), done by the job loop, which builds the PDF from the stored
 * submission and queues the mail to each recipient.
 */
export const RECEIPT_JOB = "application.receipt";

const receiptPayload = z.object({ applicationId: z.number().int().positive() });

/** Queue the receipt of a submission, in the submitting transaction; once per application. */
export function queueReceipt(tx: Executor, applicationId: number, now: Date) {
  return enqueue(tx, {
    kind: RECEIPT_JOB,
    payload: { applicationId },
    idempotencyKey: `application-receipt:${applicationId}`,
    runAt: now,
  });
}

/**
 * The PDF of exactly what was submitted: the stored submission on its own form version, in the
 * municipality's written standard. Null before the application is submitted.
 */
export async function submittedPdf(db: Db, applicationId: number, now: Date) {
  const submission = await submissionOf(db, applicationId);
  if (!submission) return null;
  const app = (await applicationById(db, applicationId))!;
  const form = (await formById(db, submission.formId))!;
  const round = (await roundById(db, app.roundId))!;
  const standard: Standard = app.writtenStandard ?? "nb";
  const title =
    (await programmeTitles(db, standard, [round.programmeId])).get(round.programmeId) ?? "";
  const municipalityName =
    (await municipalityNames(db, [app.municipalityCode], osloToday(now))).get(
      app.municipalityCode,
    ) ?? app.municipalityCode;
  const pdf = await applicationPdf({
    standard,
    programmeTitle: title,
    municipalityName,
    submittedAt: submission.submittedAt,
    contentHash: submission.contentHash,
    formVersion: form.version,
    definition: form.definition,
    answers: submission.answers,
  });
  return { pdf, app, submission, form, standard, title, municipalityName };
}

type ReceiptLetter = {
  programmeTitle: string;
  municipalityName: string;
  submittedAt: Date;
  contentHash: string;
  formVersion: number;
  /** The application's receipt page (from configuration, never a request). */
  link: string;
};

const when = (standard: Standard, at: Date) =>
  new Intl.DateTimeFormat(standard === "nn" ? "nn-NO" : "nb-NO", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(at);

/** The receipt in the municipality's written standard (språklova § 15). */
const letters: Record<Standard, (r: ReceiptLetter) => { subject: string; text: string }> = {
  nb: (r) => ({
    subject: `Kvittering: søknad om ${r.programmeTitle}`,
    text: [
      `${r.municipalityName} har sendt inn søknad om ${r.programmeTitle}.`,
      "",
      `Sendt inn: ${when("nb", r.submittedAt)}`,
      `Skjemaversjon: ${r.formVersion}`,
      `Kontrollsum (SHA-256): ${r.contentHash}`,
      "",
      "Søknaden slik den ble sendt inn, ligger vedlagt som PDF. Se søknaden her:",
      r.link,
      "",
      "Vennlig hilsen",
      "Samspill",
    ].join("\n"),
  }),
  nn: (r) => ({
    subject: `Kvittering: søknad om ${r.programmeTitle}`,
    text: [
      `${r.municipalityName} har sendt inn søknad om ${r.programmeTitle}.`,
      "",
      `Send inn: ${when("nn", r.submittedAt)}`,
      `Skjemaversjon: ${r.formVersion}`,
      `Kontrollsum (SHA-256): ${r.contentHash}`,
      "",
      "Søknaden slik han vart send inn, ligg ved som PDF. Sjå søknaden her:",
      r.link,
      "",
      "Vennleg helsing",
      "Samspill",
    ].join("\n"),
  }),
};

/**
 * The receipt job: the PDF of the stored submission, and a mail with it to the one who
 * submitted and to the municipality's coordinators. Each mail is a job of its own, keyed per
 * application and address, so a retry of this job queues nothing twice.
 */
export function receiptJobHandlers(context: {
  db: Db;
  clock: Clock;
  linkBase: string;
}): JobHandlers {
  const { db, clock } = context;
  const linkBase = context.linkBase.replace(/\/+$/, "");
  return {
    async [RECEIPT_JOB](payload) {
      const { applicationId } = receiptPayload.parse(payload);
      const now = clock.now();
      const made = await submittedPdf(db, applicationId, now);
      if (!made) throw new Error(`application ${applicationId} has no submission`);
      const submitter =
        made.submission.submittedBy === null
          ? null
          : await getPerson(db, made.submission.submittedBy);
      const coordinators = await addressesActingAs(
        db,
        "municipal-coordinator",
        made.app.municipalityCode,
        now,
      );
      const letter = letters[made.standard]({
        programmeTitle: made.title,
        municipalityName: made.municipalityName,
        submittedAt: made.submission.submittedAt,
        contentHash: made.submission.contentHash,
        formVersion: made.form.version,
        link: `${linkBase}/${made.standard}/soknader/${applicationId}/kvittering`,
      });
      const attachment = {
        filename: `soknad-${applicationId}.pdf`,
        contentType: "application/pdf",
        contentBase64: made.pdf.toString("base64"),
      };
      const recipients = new Set([
        ...(submitter?.email && !submitter.deletedAt ? [submitter.email] : []),
        ...coordinators,
      ]);
      await db.transaction(async (tx) => {
        for (const to of recipients) {
          await enqueueMail(
            tx,
            { to, subject: letter.subject, text: letter.text, attachments: [attachment] },
            { idempotencyKey: `application-receipt:${applicationId}:${to}`, now },
          );
        }
      });
    },
  };
}
