import { and, eq } from "drizzle-orm";
import type { Executor, Tx } from "../../db/client";
import { checkInQrPng, newCheckInCode, showCheckInCode } from "../../kernel/check-in-code";
import { enqueueMail } from "../../kernel/mail-jobs";
import { getPerson } from "../identity";
import { writtenStandardOf } from "../organisations";
import { gatheringCalendarFile, gatheringLink } from "./calendar-events";
import type { Actor, Gathering } from "./gatherings";
import { gatheringRegistrations } from "./schema";
import { attachmentNames, confirmationLetter, waitingLetter } from "./ticket-mail-texts";

/**
 * The written standard of the place a person registered from: the unit's, else the
 * municipality's, else bokmål (as the chain's mail chooses).
 */
export async function standardOfPlace(
  db: Executor,
  place: { unitOrgNumber: string | null; municipalityCode: string | null },
): Promise<"nb" | "nn"> {
  if (place.unitOrgNumber) return writtenStandardOf(db, "unit", place.unitOrgNumber);
  if (place.municipalityCode) return writtenStandardOf(db, "municipality", place.municipalityCode);
  return "nb";
}

/**
 * A check-in code no other registration of the gathering has. The caller holds the gathering's
 * lock, so nobody else gives one out meanwhile; a clash (one in a trillion per pair) draws again.
 */
async function freeCode(tx: Tx, gatheringId: number): Promise<string> {
  for (;;) {
    const code = newCheckInCode();
    const [clash] = await tx
      .select({ id: gatheringRegistrations.id })
      .from(gatheringRegistrations)
      .where(
        and(
          eq(gatheringRegistrations.gatheringId, gatheringId),
          eq(gatheringRegistrations.checkInCode, code),
        ),
      );
    if (!clash) return code;
  }
}

/**
 * A seat is confirmed (a registration that got one, or an offered seat confirmed): the
 * registration gets its check-in code, and the person the confirmation, queued in the same
 * transaction: when and where, the digital link, the code typed out, the QR code (PNG) and the
 * gathering as an .ics with the link back. Called with the gathering locked.
 */
export async function seatConfirmed(
  tx: Tx,
  gathering: Gathering,
  registrationId: number,
  actor: Actor,
): Promise<void> {
  const [r] = await tx
    .select()
    .from(gatheringRegistrations)
    .where(eq(gatheringRegistrations.id, registrationId));
  if (!r) return;
  let code = r.checkInCode;
  if (!code) {
    code = await freeCode(tx, gathering.id);
    await tx
      .update(gatheringRegistrations)
      .set({ checkInCode: code })
      .where(eq(gatheringRegistrations.id, r.id));
  }
  const person = await getPerson(tx, r.personId);
  if (!person?.email) return;
  const standard = await standardOfPlace(tx, r);
  const letter = confirmationLetter(standard, {
    title: standard === "nn" ? gathering.titleNn : gathering.titleNb,
    startsAt: gathering.startsAt,
    endsAt: gathering.endsAt,
    place:
      gathering.mode === "digital"
        ? ""
        : [gathering.venue, gathering.address].filter((s) => s !== "").join(", "),
    digitalLink: gathering.mode === "physical" ? "" : gathering.digitalLink,
    code: showCheckInCode(code),
    link: gatheringLink(actor.baseUrl, standard, gathering.id),
  });
  const names = attachmentNames[standard];
  const ics = gatheringCalendarFile(gathering, { lang: standard, baseUrl: actor.baseUrl });
  await enqueueMail(
    tx,
    {
      to: person.email,
      subject: letter.subject,
      text: letter.text,
      attachments: [
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
      ],
    },
    { idempotencyKey: `gathering-confirmed:${r.id}`, now: actor.now },
  );
}

/** A registration went on the waiting list: the person is told the place in line. */
export async function placedInLine(
  tx: Tx,
  gathering: Gathering,
  registrationId: number,
  position: number,
  actor: Actor,
): Promise<void> {
  const [r] = await tx
    .select()
    .from(gatheringRegistrations)
    .where(eq(gatheringRegistrations.id, registrationId));
  if (!r) return;
  const person = await getPerson(tx, r.personId);
  if (!person?.email) return;
  const standard = await standardOfPlace(tx, r);
  const letter = waitingLetter(standard, {
    title: standard === "nn" ? gathering.titleNn : gathering.titleNb,
    startsAt: gathering.startsAt,
    position,
    offerHours: gathering.offerHours,
    link: gatheringLink(actor.baseUrl, standard, gathering.id),
  });
  await enqueueMail(
    tx,
    { to: person.email, subject: letter.subject, text: letter.text },
    { idempotencyKey: `gathering-waiting:${r.id}`, now: actor.now },
  );
}
