import { and, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import type { CurrentUser } from "../../kernel/context";
import {
  dateField,
  emailAddress,
  optionalEmailAddress,
  optionalText,
  parseDate,
  personName,
  requiredText,
} from "../../kernel/field-rules";
import {
  type FieldError,
  type FieldErrors,
  type FormValues,
  type Validated,
  validate,
} from "../../kernel/forms";
import { orgsGranting, orgsWithSomeoneAs } from "../identity";
import {
  countyOfficeMailbox,
  countyOfficesAt,
  isValidOrgNumber,
  municipalitiesAt,
  searchOrganisations,
  unitsByOrgNumber,
} from "../organisations";
import { programmeRef, programmeTextsOf } from "../programmes";
import {
  coverageAtStart,
  effectiveState,
  getCohort,
  type Invitation,
  remindedToday,
} from "./chain";
import { cohortInvitations, cohortOffices, type InvitationState } from "./schema";

/** Named limits, shared by the forms (maxlength) and the checks. */
export const officeLimits = { message: 2000, reason: 500, name: 200, search: 100 };

/** What a person may do on an office's page of a cohort. */
export type OfficeAccess = "act" | "view" | "none";

/**
 * A county coordinator acts for their own office only, and only in cohorts their office is
 * invited to; a programme admin of the cohort's programme owner (`read:cohort:owner`) may look
 * at any office's page of it, read-only.
 */
export function officeAccess(
  user: Pick<CurrentUser, "roles" | "permissions"> | null,
  officeId: string,
  officeInvited: boolean,
  programmeOwner: string,
): OfficeAccess {
  if (!user) return "none";
  const mayInvite = orgsGranting(user, "invite:cohort:office", "county-office").has(officeId);
  if (mayInvite && officeInvited) return "act";
  if (orgsGranting(user, "read:cohort:owner", "owner").has(programmeOwner)) return "view";
  return "none";
}

/** Whether the user could reach any office page at all (so others get a 403 before a 404). */
export function mayUseOfficePages(user: Pick<CurrentUser, "permissions"> | null) {
  return (
    !!user &&
    (user.permissions.includes("invite:cohort:office") ||
      user.permissions.includes("read:cohort:owner"))
  );
}

export type Cohort = NonNullable<Awaited<ReturnType<typeof getCohort>>>;

/** The state a row shows: none yet, or the invitation's state today. */
export type RowState = "notInvited" | InvitationState;

export type InvitationView = {
  id: number;
  officeId: string;
  state: InvitationState;
  deadline: string;
  message: string;
  invitedAt: Date;
  answeredAt: Date | null;
  declineReason: string | null;
  remindersSent: number;
  lastRemindedAt: Date | null;
  /** When the office last reminded it by hand today (Europe/Oslo): one reminder a day. */
  remindedToday: Date | null;
};

export type MunicipalityRow = {
  code: string;
  name: string;
  countyName: string;
  invitation: InvitationView | null;
  /** Someone in Samspill (a coordinator, or an open role invitation) receives its e-mail. */
  reachable: boolean;
};

export type UnitRow = {
  orgNumber: string;
  name: string;
  municipalityCode: string;
  isSchool: boolean;
  isKindergarten: boolean;
  invitation: InvitationView;
  reachable: boolean;
};

export type OfficeHeader = {
  cohort: Cohort;
  programme: { slug: string; title: string; owner: string };
  office: { id: string; name: string };
};

function toView(
  inv: Invitation,
  today: string,
  reminded: Map<number, Date> = new Map(),
): InvitationView {
  return {
    id: inv.id,
    officeId: inv.officeId,
    state: effectiveState(inv, today),
    deadline: inv.deadline,
    message: inv.message,
    invitedAt: inv.invitedAt,
    answeredAt: inv.answeredAt,
    declineReason: inv.declineReason,
    remindersSent: inv.remindersSent,
    lastRemindedAt: inv.lastRemindedAt,
    remindedToday: reminded.get(inv.id) ?? null,
  };
}

export async function officeExists(db: Db, officeId: string) {
  return (await countyOfficeMailbox(db, officeId)) !== null;
}

export async function isOfficeInvited(db: Db, cohortId: number, officeId: string) {
  const [row] = await db
    .select({ id: cohortOffices.officeId })
    .from(cohortOffices)
    .where(and(eq(cohortOffices.cohortId, cohortId), eq(cohortOffices.officeId, officeId)));
  return !!row;
}

/**
 * The cohort, its programme's title and the office's name as it was at the cohort's start
 * (today's name if the office did not exist then), or null for an unknown cohort.
 */
export async function officeHeader(
  db: Db,
  cohortId: number,
  officeId: string,
  lang: "nb" | "nn" | "en",
  today: string,
): Promise<OfficeHeader | null> {
  const cohort = await getCohort(db, cohortId);
  if (!cohort) return null;
  const std = lang === "nn" ? "nn" : "nb";
  const programme = await programmeRef(db, cohort.programmeId);
  const titles = await programmeTextsOf(db, cohort.programmeId);
  const title =
    titles.find((r) => r.lang === lang)?.title ??
    titles.find((r) => r.lang === "nb")?.title ??
    programme?.slug ??
    "";
  const office =
    (await countyOfficesAt(db, cohort.startsOn, std)).find((o) => o.id === officeId) ??
    (await countyOfficesAt(db, today, std)).find((o) => o.id === officeId);
  return {
    cohort,
    programme: { slug: programme?.slug ?? "", title, owner: programme?.owner ?? "" },
    office: { id: officeId, name: office?.name ?? officeId },
  };
}

/**
 * Of these organisations, the ones someone in Samspill receives e-mail for: an active
 * coordinator (unit leader for a unit) with an address, or an open role invitation. The same
 * rule as the chain's `recipientsOf`, for a whole list in two queries.
 */
export async function reachableOf(
  db: Db,
  kind: "municipality" | "unit",
  ids: string[],
  now: Date,
): Promise<Set<string>> {
  const role = kind === "municipality" ? "municipal-coordinator" : "unit-leader";
  return orgsWithSomeoneAs(db, role, ids, now);
}

export type OfficeRows = {
  municipalities: MunicipalityRow[];
  units: UnitRow[];
  counts: Record<RowState, number>;
};

/**
 * The municipalities the office covered at the cohort's start, each with its invitation (if
 * any) and whether someone receives its e-mail; and the private units the office invited.
 */
export async function officeRows(
  db: Db,
  cohort: Cohort,
  officeId: string,
  today: string,
  now: Date,
): Promise<OfficeRows> {
  const coverage = await coverageAtStart(db, cohort, officeId);
  const codes = coverage.map((m) => m.code);
  const invitations = await db
    .select()
    .from(cohortInvitations)
    .where(
      and(
        eq(cohortInvitations.cohortId, cohort.id),
        or(
          eq(cohortInvitations.officeId, officeId),
          codes.length > 0
            ? and(
                eq(cohortInvitations.inviteeKind, "municipality"),
                inArray(cohortInvitations.inviteeId, codes),
              )
            : undefined,
        ),
      ),
    );
  const byCode = new Map(
    invitations.filter((i) => i.inviteeKind === "municipality").map((i) => [i.inviteeId, i]),
  );
  const reachableMunicipalities = await reachableOf(db, "municipality", codes, now);
  const reminded = await remindedToday(
    db,
    invitations.map((i) => i.id),
    now,
  );
  const municipalities: MunicipalityRow[] = coverage.map((m) => {
    const inv = byCode.get(m.code);
    return {
      code: m.code,
      name: m.name,
      countyName: m.countyName,
      invitation: inv ? toView(inv, today, reminded) : null,
      reachable: reachableMunicipalities.has(m.code),
    };
  });

  const unitInvitations = invitations.filter(
    (i) => i.inviteeKind === "unit" && i.officeId === officeId,
  );
  const orgNumbers = unitInvitations.map((i) => i.inviteeId);
  const unitRows = orgNumbers.length > 0 ? await unitsByOrgNumber(db, orgNumbers) : [];
  const reachableUnits = await reachableOf(db, "unit", orgNumbers, now);
  const unitList: UnitRow[] = unitInvitations
    .map((inv) => {
      const u = unitRows.find((r) => r.orgNumber === inv.inviteeId);
      return {
        orgNumber: inv.inviteeId,
        name: u?.name ?? inv.inviteeId,
        municipalityCode: u?.municipalityCode ?? "",
        isSchool: u?.isSchool ?? false,
        isKindergarten: u?.isKindergarten ?? false,
        invitation: toView(inv, today, reminded),
        reachable: reachableUnits.has(inv.inviteeId),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "nb"));

  const counts: Record<RowState, number> = {
    notInvited: 0,
    invited: 0,
    accepted: 0,
    declined: 0,
    expired: 0,
  };
  for (const m of municipalities) counts[m.invitation?.state ?? "notInvited"]++;
  return { municipalities, units: unitList, counts };
}

/** One invitation of the office in the cohort, or null (another office's, or none). */
export async function officeInvitation(
  db: Db,
  cohortId: number,
  officeId: string,
  invitationId: number,
  today: string,
  now: Date,
) {
  const [inv] = await db
    .select()
    .from(cohortInvitations)
    .where(
      and(
        eq(cohortInvitations.id, invitationId),
        eq(cohortInvitations.cohortId, cohortId),
        eq(cohortInvitations.officeId, officeId),
      ),
    );
  if (!inv) return null;
  let name = inv.inviteeId;
  if (inv.inviteeKind === "unit") {
    const [u] = await unitsByOrgNumber(db, [inv.inviteeId]);
    name = u?.name ?? name;
  } else {
    const cohort = await getCohort(db, cohortId);
    const m = (await municipalitiesAt(db, cohort!.startsOn)).find((x) => x.code === inv.inviteeId);
    name = m?.name ?? name;
  }
  const reachable = (await reachableOf(db, inv.inviteeKind, [inv.inviteeId], now)).has(
    inv.inviteeId,
  );
  return {
    ...toView(inv, today, await remindedToday(db, [inv.id], now)),
    kind: inv.inviteeKind,
    inviteeId: inv.inviteeId,
    name,
    reachable,
  };
}

/** The open invitations of the office in the cohort (to remind them all at once). */
export async function openInvitationIds(
  db: Db,
  cohortId: number,
  officeId: string,
  today: string,
): Promise<number[]> {
  const rows = await db
    .select()
    .from(cohortInvitations)
    .where(
      and(
        eq(cohortInvitations.cohortId, cohortId),
        eq(cohortInvitations.officeId, officeId),
        eq(cohortInvitations.state, "invited"),
      ),
    );
  return rows.filter((r) => effectiveState(r, today) === "invited").map((r) => r.id);
}

export type PrivateUnitHit = {
  orgNumber: string;
  name: string;
  municipalityName: string | null;
  isSchool: boolean;
  isKindergarten: boolean;
};

/** Active private kindergartens and schools in the office's counties today, by name or number. */
export async function searchPrivateUnits(
  db: Db,
  officeId: string,
  query: string,
  today: string,
): Promise<PrivateUnitHit[]> {
  const office = (await countyOfficesAt(db, today, "nb")).find((o) => o.id === officeId);
  if (!office || !query.trim()) return [];
  const scope = (await municipalitiesAt(db, today))
    .filter((m) => office.countyCodes.includes(m.countyCode))
    .map((m) => m.code);
  const hits = await searchOrganisations(db, query, {
    date: today,
    kinds: ["unit"],
    scope,
    limit: 100,
  });
  const found: PrivateUnitHit[] = [];
  for (const h of hits) {
    if (h.kind !== "unit" || h.owner !== "private" || !h.active) continue;
    found.push({
      orgNumber: h.orgNumber,
      name: h.name,
      municipalityName: h.municipalityName,
      isSchool: h.isSchool,
      isKindergarten: h.isKindergarten,
    });
  }
  return found.slice(0, 20);
}

// ---------------------------------------------------------------- forms

/**
 * One field read by its rule, as `validate` reads a form: the value, or its error (the rule's
 * code and limit).
 */
function readOne<T>(
  rule: z.ZodType<T>,
  value: string | undefined,
): { ok: true; data: T } | { ok: false; error: FieldError } {
  const result = validate(z.object({ value: rule }), { value: value ?? "" });
  return result.ok
    ? { ok: true, data: result.data.value }
    : { ok: false, error: result.errors.value ?? { code: "required" } };
}

/** Empty (the cohort's default deadline applies) or a date, as the shared date rule reads it. */
const optionalDate = optionalText(20)
  .refine((v) => v === "" || parseDate(v) !== null, { error: "date" })
  .transform((v) => (v === "" ? "" : (parseDate(v) ?? "")));

const messageAndDeadline = z.object({
  message: optionalText(officeLimits.message),
  deadline: optionalDate,
});

export type InviteForm = {
  codes: string[];
  message: string;
  deadline: string;
  contacts: Map<string, { name: string; email: string }>;
};

/**
 * Read the municipality invitation form. Checkboxes are named `municipality-<code>`; each
 * municipality nobody in Samspill can receive mail for needs `contactName-<code>` and
 * `contactEmail-<code>`. `all` chooses every municipality not yet invited. Errors about the
 * choice are the command's `invitees`; `subject` names the municipality an error is about.
 */
export function parseInviteForm(
  values: FormValues,
  rows: MunicipalityRow[],
): Validated<InviteForm> {
  const errors: FieldErrors = {};
  const names = new Map(rows.map((r) => [r.code, r.name]));
  const open = rows.filter((r) => !r.invitation);
  let codes: string[];
  if (values.intent === "all") {
    codes = open.map((r) => r.code);
  } else {
    codes = Object.keys(values)
      .map((k) => /^municipality-(\d{4})$/.exec(k)?.[1])
      .filter((c): c is string => !!c && values[`municipality-${c}`] !== "");
  }
  if (codes.length === 0) {
    errors.invitees = { code: values.intent === "all" ? "noneLeft" : "noneChosen" };
  }
  const invited = codes.find((c) => rows.find((r) => r.code === c)?.invitation);
  if (invited) {
    errors.invitees = {
      code: "alreadyInvited",
      params: { subject: names.get(invited) ?? invited },
    };
  }
  const common = validate(messageAndDeadline, values);
  if (!common.ok) Object.assign(errors, common.errors);

  const contacts = new Map<string, { name: string; email: string }>();
  for (const code of codes) {
    const row = rows.find((r) => r.code === code);
    if (!row || row.reachable) continue;
    const params = { subject: row.name };
    const name = readOne(personName(officeLimits.name), values[`contactName-${code}`]);
    const email = readOne(emailAddress(), values[`contactEmail-${code}`]);
    // A missing contact is named by its municipality: the row's own label says which.
    if (!name.ok) {
      errors[`contactName-${code}`] =
        name.error.code === "required" ? { code: "contactName", params } : name.error;
    }
    if (!email.ok) {
      errors[`contactEmail-${code}`] =
        email.error.code === "required" ? { code: "contactEmail", params } : email.error;
    }
    if (name.ok && email.ok) contacts.set(code, { name: name.data, email: email.data });
  }
  if (Object.keys(errors).length > 0 || !common.ok) return { ok: false, errors };
  return { ok: true, data: { codes, ...common.data, contacts } };
}

export type UnitForm = {
  orgNumber: string;
  message: string;
  deadline: string;
  contact: { name: string; email: string } | null;
};

const unitForm = messageAndDeadline.extend({
  // Typed with or without spaces ("123 456 789"), stored without.
  orgNumber: z
    .string({ error: "required" })
    .transform((v) => v.replace(/\s/g, ""))
    .pipe(
      z
        .string()
        .min(1, { error: "required" })
        // Looked up when a form is read, not when this module is evaluated: the modules import
        // each other through their index files, and in an order that evaluates this file first
        // the function would still be undefined here ("def.fn is not a function", seen when
        // test files shared one module graph).
        .refine((v) => isValidOrgNumber(v), { error: "orgNumber" }),
    ),
  name: optionalText(officeLimits.name),
  email: optionalEmailAddress(),
});

/**
 * Read the form that invites one private unit by its organisation number. The contact person
 * (`name`, `email`) may be left out; given in part, both are needed.
 */
export function parseUnitForm(values: FormValues): Validated<UnitForm> {
  const parsed = validate(unitForm, values);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const name = (values.name ?? "").trim();
  const email = (values.email ?? "").trim();
  if (name || email) {
    if (!name) errors.name ??= { code: "required" };
    if (!email) errors.email ??= { code: "required" };
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const { orgNumber, message, deadline } = parsed.data;
  const contact = name ? { name: parsed.data.name, email: parsed.data.email } : null;
  return { ok: true, data: { orgNumber, message, deadline, contact } };
}

/** The form that gives one invitation a new deadline, with the reason the e-mail gives. */
export const extendForm = z.object({
  deadline: dateField(),
  reason: requiredText(officeLimits.reason),
});

/** The form where the office adds a contact person to an invitation. */
export const recipientForm = z.object({
  name: personName(officeLimits.name),
  email: emailAddress(),
});
