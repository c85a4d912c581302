import { z } from "zod";
import { checkInQrPng, showCheckInCode } from "../../kernel/check-in-code";
import type { JobHandlers } from "../../kernel/jobs";
import { enqueueMail } from "../../kernel/mail-jobs";
import type { Mail } from "../../kernel/mailer";
import type { JobContext } from "../../kernel/manifest";
import { getPerson } from "../identity";
import { gatheringCalendarFile, gatheringLink } from "./calendar-events";
import { type Gathering, gatheringById } from "./gatherings";
import { type Registration, registrationById, waitingPosition } from "./registration";
import { standardOfPlace, TICKET_EVENTS, TICKET_JOB } from "./ticket";
import { attachmentNames, confirmationLetter, waitingLetter } from "./ticket-mail-texts";

type Standard = "nb" | "nn";

const ticketPayload = z.object({
  registrationId: z.number().int().positive(),
  event: z.enum(TICKET_EVENTS),
});

/** Where and how to join: venue and address (not for a digital one), the digital link (not for a physical one). */
export function placeAndLink(gathering: Gathering) {
  return {
    place:
      gathering.mode === "digital"
        ? ""
        : [gathering.venue, gathering.address].filter((s) => s !== "").join(", "),
    digitalLink: gathering.mode === "physical" ? "" : gathering.digitalLink,
  };
}

/**
 * What a confirmed seat's mail carries: the gathering as an .ics with the link back, and the
 * check-in code as a QR code (PNG). Built by the jobs, never under the gathering's lock.
 */
export async function ticketAttachments(
  gathering: Gathering,
  code: string,
  standard: Standard,
  linkBase: string,
): Promise<NonNullable<Mail["attachments"]>> {
  const names = attachmentNames[standard];
  const ics = gatheringCalendarFile(gathering, { lang: standard, baseUrl: linkBase });
  return [
    {
      filename: names.calendar,
      contentType: "text/calendar; charset=utf-8; method=PUBLISH",
      contentBase64: Buffer.from(ics, "utf8").toString("base64"),
    },
    {
      filename: names.qr,
      contentType: "image/png",
      contentBase64: (await checkInQrPng(code)).toString("base64"),
    },
  ];
}

/** The confirmation of a seat: when and where, the digital link, the code, the .ics and the QR. */
async function confirmationMail(
  gathering: Gathering,
  r: Registration & { checkInCode: string },
  to: string,
  standard: Standard,
  linkBase: string,
): Promise<Mail> {
  const letter = confirmationLetter(standard, {
    title: standard === "nn" ? gathering.titleNn : gathering.titleNb,
    startsAt: gathering.startsAt,
    endsAt: gathering.endsAt,
    ...placeAndLink(gathering),
    code: showCheckInCode(r.checkInCode),
    link: gatheringLink(linkBase, standard, gathering.id),
  });
  return {
    to,
    subject: letter.subject,
    text: letter.text,
    attachments: await ticketAttachments(gathering, r.checkInCode, standard, linkBase),
  };
}

/**
 * The ticket job (decision 0026): the mail about a registration, built from the stored rows once
 * the registering transaction has committed and let go of the gathering's lock, and queued as a
 * mail job (one per registration and kind, so a retry queues nothing twice). A registration
 * that has moved on since (cancelled, or offered a seat while this waited) gets no stale mail.
 */
export function ticketJobHandlers(context: JobContext): JobHandlers {
  const { db, clock } = context;
  const linkBase = context.linkBase.replace(/\/+$/, "");
  return {
    async [TICKET_JOB](payload) {
      const { registrationId, event } = ticketPayload.parse(payload);
      const now = clock.now();
      const r = await registrationById(db, registrationId);
      if (!r) return;
      const wanted = event === "waiting" ? "waiting" : "confirmed";
      if (r.status !== wanted) return;
      const gathering = await gatheringById(db, r.gatheringId);
      const person = await getPerson(db, r.personId);
      if (!gathering || !person?.email || person.deletedAt) return;
      const standard = await standardOfPlace(db, r);
      if (event === "waiting") {
        const position = await waitingPosition(db, r);
        if (position === null) return;
        const letter = waitingLetter(standard, {
          title: standard === "nn" ? gathering.titleNn : gathering.titleNb,
          startsAt: gathering.startsAt,
          position,
          offerHours: gathering.offerHours,
          link: gatheringLink(linkBase, standard, gathering.id),
        });
        await enqueueMail(
          db,
          { to: person.email, subject: letter.subject, text: letter.text },
          { idempotencyKey: `gathering-waiting:${r.id}`, now },
        );
        return;
      }
      if (r.checkInCode === null) throw new Error(`registration ${r.id} has no check-in code`);
      await enqueueMail(
        db,
        await confirmationMail(
          gathering,
          { ...r, checkInCode: r.checkInCode },
          person.email,
          standard,
          linkBase,
        ),
        { idempotencyKey: `gathering-confirmed:${r.id}`, now },
      );
    },
  };
}
