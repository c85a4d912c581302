import type { Db } from "../../db/client";
import { enqueueMail } from "../../kernel/mail-jobs";

type Standard = "nb" | "nn";

export type ReceiptMailInput = {
  applicationId: number;
  standard: Standard;
  programmeTitle: string;
  municipalityName: string;
  submittedAt: Date;
  contentHash: string;
  formVersion: number;
  /** The application's page (from configuration, never a request). */
  link: string;
  pdf: Buffer;
  recipients: string[];
  now: Date;
};

const when = (standard: Standard, at: Date) =>
  new Intl.DateTimeFormat(standard === "nn" ? "nn-NO" : "nb-NO", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(at);

/** The receipt in the municipality's written standard (språklova § 15). */
const letters: Record<Standard, (r: ReceiptMailInput) => { subject: string; text: string }> = {
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
 * Queue the receipt, with the PDF of exactly what was submitted, to each recipient. The key is
 * per application and address: a second click on Submit, or a reload of the receipt, queues
 * nothing more.
 */
export async function enqueueReceipt(db: Db, r: ReceiptMailInput) {
  const letter = letters[r.standard](r);
  const attachment = {
    filename: `soknad-${r.applicationId}.pdf`,
    contentType: "application/pdf",
    contentBase64: r.pdf.toString("base64"),
  };
  for (const to of new Set(r.recipients)) {
    await enqueueMail(
      db,
      { to, subject: letter.subject, text: letter.text, attachments: [attachment] },
      { idempotencyKey: `application-receipt:${r.applicationId}:${to}`, now: r.now },
    );
  }
}
