import { z } from "zod";
import type { Db } from "../../db/client";
import type { CurrentUser } from "../../kernel/context";
import { choice, emailAddress, optionalText, personName } from "../../kernel/field-rules";
import type { Lang } from "../../web/i18n";
import { orgsGranting, type Permission, personNames } from "../identity";
import {
  activeUnitsIn,
  ppServiceNames,
  ppServicesAt,
  unitsByOrgNumber,
  writtenStandardOf,
} from "../organisations";
import { programmeRef, programmeTextsOf } from "../programmes";
import {
  contactHistory,
  effectiveState,
  enrolledElsewhere,
  enrolledUnits,
  getCohort,
  getInvitation,
  type Invitation,
  invitationEvents,
  organisationName,
  todaysCodes,
} from "./chain";
import type { WrittenStandard } from "./mail-texts";
import type { ContactKind, InviteeKind } from "./schema";

// ---------------------------------------------------------------- who may do what

/** `act`: answers and changes; `view`: sees the page, read-only. */
export type Access = "act" | "view";

const ORG_KIND: Record<InviteeKind, string> = { municipality: "municipality", unit: "unit" };

/** Whether one of the user's roles on exactly this organisation grants the permission. */
const holds = (user: CurrentUser, permission: Permission, orgKind: string, orgId: string) =>
  orgsGranting(user, permission, orgKind).has(orgId);

/**
 * The municipal coordinator of the municipality (or the leader of the private unit) acts; the
 * municipality's resource person, programme admins and the coordinators of the inviting office
 * see the page read-only. With `officeId` null (the invitation not read yet), the office's
 * coordinators are not counted: see `mightViewAsOffice`.
 */
export function inviteeAccess(
  user: CurrentUser | null,
  kind: InviteeKind,
  inviteeId: string,
  officeId: string | null,
  programmeOwner: string | null = null,
): Access | null {
  if (!user) return null;
  const orgKind = ORG_KIND[kind];
  if (holds(user, `answer:cohort:${kind}`, orgKind, inviteeId)) return "act";
  if (programmeOwner && holds(user, "read:cohort:owner", "owner", programmeOwner)) return "view";
  if (holds(user, `read:cohort:${kind}`, orgKind, inviteeId)) return "view";
  if (officeId && holds(user, "read:cohort:office", "county-office", officeId)) return "view";
  return null;
}

/**
 * A county coordinator may see an invitation their office sent, a programme admin one of their
 * owner's programmes: known only once it is read.
 */
export function mightViewAsOffice(user: CurrentUser | null) {
  return (
    orgsGranting(user, "read:cohort:office", "county-office").size > 0 ||
    orgsGranting(user, "read:cohort:owner", "owner").size > 0
  );
}

// ---------------------------------------------------------------- forms

export const reasonMaxLength = 1000;
export const nameMaxLength = 100;

/** The answer. A missing or mangled `version` is a malformed request (400), not a field error. */
export const answerForm = z.object({
  answer: choice(["accept", "decline"]),
  commitments: z.string().optional(),
  reason: optionalText(reasonMaxLength),
});
export const versionField = z.coerce.number().int().min(1).max(2_147_483_647);

const contactFields = { name: personName(nameMaxLength), email: emailAddress() };
export const resourcePersonForm = z.object(contactFields);
/** The PP contact: the PP-tjeneste by its id (one of those offered: the route checks). */
export const ppContactForm = z.object({
  ppServiceId: z.string({ error: "choice" }).regex(/^[0-9]{1,9}$/, { error: "choice" }),
  ...contactFields,
});
export const writtenStandardForm = z.object({ standard: choice(["nb", "nn"]) });

// ---------------------------------------------------------------- reading

export type InvitationPageData = NonNullable<Awaited<ReturnType<typeof invitationPage>>>;

function lines(text: string) {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * Everything the page of one invitation shows: the programme and cohort, who invited and what
 * they wrote, the deadline, the state on `today`, the commitments and terms in the page
 * language (bokmål where that is missing), and the history. Null when there is no such
 * invitation.
 */
export async function invitationPage(
  db: Db,
  input: { cohortId: number; kind: InviteeKind; inviteeId: string; lang: Lang; today: string },
) {
  const cohort = await getCohort(db, input.cohortId);
  if (!cohort) return null;
  const invitation = await getInvitation(db, cohort.id, input.kind, input.inviteeId);
  if (!invitation) return null;
  const { lang } = input;

  const programme = await programmeRef(db, cohort.programmeId);
  const texts = await programmeTextsOf(db, cohort.programmeId);
  const inLang = texts.find((t) => t.lang === lang);
  const inNb = texts.find((t) => t.lang === "nb");
  const title = inLang?.title || inNb?.title || programme?.slug || "";
  const commitmentsFrom = inLang?.commitments.trim() ? inLang : inNb;
  const ownTerms = lang === "nn" ? cohort.termsNn : lang === "en" ? cohort.termsEn : cohort.termsNb;
  const terms = ownTerms.trim()
    ? { markdown: ownTerms, lang }
    : { markdown: cohort.termsNb, lang: "nb" as Lang };

  const events = await invitationEvents(db, invitation.id);
  const orgNumbers = [
    ...new Set(
      events
        .map((e) => e.detail.orgNumber)
        .filter((n): n is string => typeof n === "string" && n.length > 0),
    ),
  ];
  const unitNames = new Map(
    orgNumbers.length > 0
      ? (await unitsByOrgNumber(db, orgNumbers)).map((u) => [u.orgNumber, u.name])
      : [],
  );

  let answeredByName: string | null = null;
  if (invitation.answeredBy !== null) {
    const names = await personNames(db, [invitation.answeredBy]);
    answeredByName = names.get(invitation.answeredBy) ?? null;
  }

  return {
    cohort,
    invitation,
    state: effectiveState(invitation, input.today),
    programme: { id: cohort.programmeId, title, owner: programme?.owner ?? "" },
    // The programme's commitments are the municipality's (learning networks, resource person,
    // PP-tjenesten): a private unit invited directly is not asked to take them on.
    commitments: {
      items: input.kind === "unit" ? [] : lines(commitmentsFrom?.commitments ?? ""),
      lang: (commitmentsFrom?.lang ?? "nb") as Lang,
    },
    terms,
    officeName: await organisationName(
      db,
      "county-office",
      invitation.officeId,
      lang,
      cohort.startsOn,
    ),
    inviteeName: await organisationName(db, input.kind, input.inviteeId, lang, cohort.startsOn),
    answeredByName,
    events,
    unitNames,
  };
}

export type EnrolmentUnit = {
  orgNumber: string;
  name: string;
  isSchool: boolean;
  isKindergarten: boolean;
  owner: "public" | "private" | null;
  enrolledAt: Date | null;
  /** Enrolled in the cohort another way: by itself (a private unit invited directly) or
   * through another municipality's invitation. Not offered again. */
  elsewhere: { self: boolean; via: string } | null;
};

/**
 * The municipality's active kindergartens and schools, public and private, by TODAY's
 * municipality codes (a cohort may have begun before a merger), each marked with when it was
 * enrolled through this invitation; and the enrolled ones (also any no longer in the list).
 */
export async function enrolmentChoices(db: Db, invitation: Invitation, today: string) {
  const codes = await todaysCodes(db, invitation.inviteeId, today);
  const enrolled = await enrolledUnits(db, invitation.id);
  const since = new Map(enrolled.map((e) => [e.orgNumber, e.enrolledAt]));
  const rows = (await activeUnitsIn(db, codes)).map((u) => ({
    orgNumber: u.orgNumber,
    name: u.name,
    isSchool: u.isSchool,
    isKindergarten: u.isKindergarten,
    owner: u.owner,
  }));
  const other = await enrolledElsewhere(
    db,
    invitation.cohortId,
    invitation.id,
    rows.map((u) => u.orgNumber),
  );
  const cohort = other.length > 0 ? await getCohort(db, invitation.cohortId) : null;
  const elsewhere = new Map<string, { self: boolean; via: string }>();
  for (const o of other) {
    const self = o.viaKind === "unit" && o.viaId === o.orgNumber;
    const via = self
      ? ""
      : await organisationName(db, o.viaKind, o.viaId, "nb", cohort?.startsOn ?? today);
    elsewhere.set(o.orgNumber, { self, via });
  }
  const list: EnrolmentUnit[] = rows.map((u) => ({
    ...u,
    enrolledAt: since.get(u.orgNumber) ?? null,
    elsewhere: elsewhere.get(u.orgNumber) ?? null,
  }));
  return { units: list, enrolled };
}

export type ContactRow = {
  id: number;
  name: string;
  email: string;
  ppServiceName: string | null;
  roleInvitationId: number | null;
  setAt: Date;
  endedAt: Date | null;
};

/** The resource person and the PP-tjeneste contact: the current one and the earlier ones. */
export async function contactsOf(db: Db, invitationId: number) {
  const rows = await contactHistory(db, invitationId);
  const ids = [...new Set(rows.map((r) => r.ppServiceId).filter((id): id is number => !!id))];
  const names = await ppServiceNames(db, ids);
  const of = (kind: ContactKind) => {
    const list: ContactRow[] = rows
      .filter((r) => r.kind === kind)
      .map((r) => ({
        id: r.id,
        name: r.name,
        email: r.email,
        ppServiceName: r.ppServiceId ? (names.get(r.ppServiceId) ?? null) : null,
        roleInvitationId: r.roleInvitationId,
        setAt: r.setAt,
        endedAt: r.endedAt,
      }));
    return {
      current: list.find((r) => r.endedAt === null) ?? null,
      earlier: list.filter((r) => r.endedAt !== null),
    };
  };
  return { resourcePerson: of("resource-person"), ppService: of("pp-service") };
}

/**
 * The PP-tjenester to choose from: those serving the municipality today. Where none is
 * registered for it, every PP-tjeneste serving some municipality today (`all`), so the
 * coordinator is never stuck because the register is incomplete.
 */
export async function ppServiceChoices(db: Db, municipalityCode: string, today: string) {
  const codes = await todaysCodes(db, municipalityCode, today);
  const serving = await ppServicesAt(db, { date: today, scope: codes });
  if (serving.length > 0) {
    return { services: serving.map((s) => ({ id: s.id, name: s.name })), all: false };
  }
  const all = await ppServicesAt(db, { date: today });
  return { services: all.map((s) => ({ id: s.id, name: s.name })), all: true };
}

export async function municipalityStandard(db: Db, code: string): Promise<WrittenStandard> {
  return writtenStandardOf(db, "municipality", code);
}
