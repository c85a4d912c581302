import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import { parseDate } from "../../kernel/field-rules";
import { BadRequest, type FieldErrors, type FormValues } from "../../kernel/forms";
import type { Lang } from "../../web/i18n";
import { recordAudit } from "../identity";
import { countyOfficesAt } from "../organisations";
import { hasBrokenLink, hasDisallowedContent } from "../programmes";
import { type Actor, type ChainError, inviteOffices } from "./chain";
import { cohortOffices, cohortPlannedGatherings, cohorts } from "./schema";

/** The limits of the cohort form, shared by the view (maxlength, hints) and the check. */
export const cohortLimits = {
  maxNumber: 999,
  maxReminderDays: 30,
  terms: 20_000,
  gatheringTitle: 200,
  /** Rows a form may send; more is not a form we rendered. */
  maxGatheringRows: 60,
  /** Blank rows offered below the planned gatherings (no script needed to add one). */
  blankGatheringRows: 3,
};

export const GATHERING_KINDS = ["national", "regional"] as const;

/** How municipalities join a cohort: invited down the chain, or by applying in its round. */
export const WAYS_IN = ["invitation", "application"] as const;
export type WayIn = (typeof WAYS_IN)[number];
export type GatheringKind = (typeof GATHERING_KINDS)[number];

export type Cohort = typeof cohorts.$inferSelect;

/** One row of planned gatherings as typed: `id` is set for a row that is stored. */
export type GatheringRow = { id: string; kind: string; title: string; date: string };

/** The cohort form as typed: every field a string, the offices ticked, the gathering rows. */
export type CohortForm = {
  values: FormValues;
  offices: string[];
  gatherings: GatheringRow[];
};

export const scalarFields = [
  "number",
  "wayIn",
  "startsOn",
  "endsOn",
  "officeInviteDeadline",
  "answerDeadline",
  "reminderDaysBefore",
  "termsNb",
  "termsNn",
  "termsEn",
] as const;
export type ScalarField = (typeof scalarFields)[number];

export const termFields = { nb: "termsNb", nn: "termsNn", en: "termsEn" } as const;

const OFFICE_FIELD = /^office-([a-z0-9-]{1,60})$/;
const ROW_FIELD = /^g([0-9]{1,2})-(id|kind|title|date)$/;

/**
 * Read the posted cohort form: the plain fields, the offices ticked (`office-<id>`) and the
 * gathering rows (`g<n>-kind`, `g<n>-title`, `g<n>-date`, `g<n>-id`). A field name or value no
 * rendered form sends is a malformed request.
 */
export function readCohortForm(values: FormValues): CohortForm {
  const out: FormValues = {};
  for (const f of scalarFields) out[f] = values[f] ?? "";
  const offices: string[] = [];
  const rows = new Map<number, GatheringRow>();
  for (const [key, value] of Object.entries(values)) {
    const office = OFFICE_FIELD.exec(key);
    if (office) {
      // A ticked box sends its value; one not ticked sends nothing.
      if (value !== "") offices.push(office[1]!);
      continue;
    }
    const row = ROW_FIELD.exec(key);
    if (!row) continue;
    const n = Number(row[1]);
    if (n >= cohortLimits.maxGatheringRows) throw new BadRequest("too many rows");
    const entry = rows.get(n) ?? { id: "", kind: "", title: "", date: "" };
    const part = row[2] as keyof GatheringRow;
    if (part === "id" && value !== "" && !/^[0-9]{1,9}$/.test(value)) {
      throw new BadRequest("bad row id");
    }
    entry[part] = value;
    rows.set(n, entry);
  }
  const gatherings = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
  return { values: out, offices: [...new Set(offices)].sort(), gatherings };
}

export type CohortData = {
  number: number;
  /** Invitation unless said otherwise (forms from before the choice send none). */
  wayIn?: WayIn;
  startsOn: string;
  endsOn: string;
  officeInviteDeadline: string | null;
  answerDeadline: string | null;
  reminderDaysBefore: number;
  termsNb: string;
  termsNn: string;
  termsEn: string;
  /** Offices to invite now (on edit: besides those already invited). */
  offices: string[];
  /** The rows that stay or are new; a stored row left out is removed. */
  gatherings: { id: number | null; kind: GatheringKind; title: string; plannedOn: string }[];
};

export type Checked = { ok: true; data: CohortData } | { ok: false; errors: FieldErrors };

/** The offices that exist on a date, with their names in a language, for the checkboxes. */
export function officesAt(db: Db, date: string, lang: Lang) {
  return countyOfficesAt(db, date, lang);
}

/**
 * Check the cohort form against the rules: dates in order (office deadline < answer deadline ≤
 * start < end), deadlines not already passed when set, reminder days 0–30, terms in bokmål and
 * nynorsk without script or broken links, offices that exist at the start, a number no other
 * cohort of the programme has, and gathering rows either empty or complete inside the period.
 */
export async function checkCohortForm(
  db: Db,
  programmeId: number,
  form: CohortForm,
  opts: { today: string; existing?: CohortEditView | undefined },
): Promise<Checked> {
  const errors: FieldErrors = {};
  const v = form.values;
  const existing = opts.existing;

  let number = existing?.cohort.number ?? 0;
  if (!existing) {
    const text = (v.number ?? "").trim();
    if (!text) errors.number = { code: "required" };
    else if (!/^[0-9]{1,3}$/.test(text) || Number(text) < 1) errors.number = { code: "number" };
    else {
      number = Number(text);
      const [taken] = await db
        .select({ id: cohorts.id })
        .from(cohorts)
        .where(and(eq(cohorts.programmeId, programmeId), eq(cohorts.number, number)));
      if (taken) errors.number = { code: "numberTaken" };
    }
  }

  // The way in is chosen when the cohort is made: its invitations or its round hang on it.
  let wayIn: WayIn = existing?.cohort.wayIn ?? "invitation";
  if (!existing) {
    // The radio group starts on invitation, so a browser always sends one of ours.
    const chosen = (v.wayIn ?? "").trim() || "invitation";
    if (!(WAYS_IN as readonly string[]).includes(chosen)) throw new BadRequest("unknown way in");
    wayIn = chosen as WayIn;
  }
  const byInvitation = wayIn === "invitation";

  const date = (field: ScalarField, required = true): string | null => {
    const text = (v[field] ?? "").trim();
    if (!text) {
      if (required) errors[field] = { code: "required" };
      return null;
    }
    const parsed = parseDate(text);
    if (!parsed) errors[field] = { code: "date" };
    return parsed;
  };
  const startsOn = date("startsOn");
  const endsOn = date("endsOn");
  // An application cohort invites no offices: its deadline is the round's, set there.
  const officeDeadline = byInvitation ? date("officeInviteDeadline") : null;
  const answerDeadline = byInvitation ? date("answerDeadline") : null;
  // A deadline may not be set to a day already past; one left as it was may have passed.
  const changed = (field: "officeInviteDeadline" | "answerDeadline", value: string) =>
    !existing || existing.cohort[field] !== value;
  if (startsOn && endsOn && endsOn <= startsOn) errors.endsOn = { code: "endBeforeStart" };
  if (officeDeadline) {
    if (startsOn && officeDeadline >= startsOn) {
      errors.officeInviteDeadline = { code: "officeDeadlineAfterStart" };
    } else if (changed("officeInviteDeadline", officeDeadline) && officeDeadline < opts.today) {
      errors.officeInviteDeadline = { code: "inPast" };
    }
  }
  if (answerDeadline) {
    if (officeDeadline && answerDeadline <= officeDeadline) {
      errors.answerDeadline = { code: "answerBeforeOffice" };
    } else if (startsOn && answerDeadline > startsOn) {
      errors.answerDeadline = { code: "answerAfterStart" };
    } else if (changed("answerDeadline", answerDeadline) && answerDeadline < opts.today) {
      errors.answerDeadline = { code: "inPast" };
    }
  }

  const reminderText = (v.reminderDaysBefore ?? "").trim();
  let reminderDaysBefore = 0;
  if (!reminderText) errors.reminderDaysBefore = { code: "required" };
  else if (
    !/^[0-9]{1,2}$/.test(reminderText) ||
    Number(reminderText) > cohortLimits.maxReminderDays
  ) {
    errors.reminderDaysBefore = { code: "reminder" };
  } else reminderDaysBefore = Number(reminderText);

  const terms = (field: "termsNb" | "termsNn" | "termsEn", required: boolean) => {
    const text = (v[field] ?? "").trim();
    if (!text) {
      if (required) errors[field] = { code: "required" };
    } else if (text.length > cohortLimits.terms) {
      errors[field] = { code: "max", max: cohortLimits.terms };
    } else if (hasDisallowedContent(text)) {
      errors[field] = { code: "script" };
    } else if (hasBrokenLink(text)) {
      errors[field] = { code: "brokenLink" };
    }
    return text;
  };
  const termsNb = terms("termsNb", true);
  const termsNn = terms("termsNn", true);
  const termsEn = terms("termsEn", false);

  // Offices: those that exist on the start date; already invited ones stay and must still exist.
  const invited = new Set(existing?.offices.map((o) => o.id) ?? []);
  const offices = byInvitation ? form.offices.filter((id) => !invited.has(id)) : [];
  if (byInvitation && !existing && offices.length === 0)
    errors.offices = { code: "officesRequired" };
  if (startsOn) {
    const known = new Set((await countyOfficesAt(db, startsOn, "nb")).map((o) => o.id));
    if (offices.some((id) => !known.has(id))) errors.offices = { code: "officeNotAtStart" };
    if (!errors.startsOn && [...invited].some((id) => !known.has(id))) {
      errors.startsOn = { code: "invitedOfficeGone" };
    }
  }

  // Gathering rows: an empty row is skipped (a stored one emptied is removed).
  const storedIds = new Set(existing?.gatherings.map((g) => g.id) ?? []);
  const gatherings: CohortData["gatherings"] = [];
  form.gatherings.forEach((row, i) => {
    const key = `g${i}`;
    // A row's sentence names it as the page does, from 1.
    const params = { row: i + 1 };
    const kind = row.kind.trim();
    const title = row.title.trim();
    const text = row.date.trim();
    const id = row.id ? Number(row.id) : null;
    if (id !== null && !storedIds.has(id)) throw new BadRequest("not a gathering of this cohort");
    if (!kind && !title && !text) return;
    if (!kind || !title || !text) {
      errors[key] = { code: "rowIncomplete", params };
      return;
    }
    if (!(GATHERING_KINDS as readonly string[]).includes(kind)) {
      throw new BadRequest("unknown gathering kind");
    }
    if (title.length > cohortLimits.gatheringTitle) {
      errors[key] = { code: "rowMax", max: cohortLimits.gatheringTitle, params };
      return;
    }
    const plannedOn = parseDate(text);
    if (!plannedOn) {
      errors[key] = { code: "rowDate", params };
      return;
    }
    if (startsOn && endsOn && (plannedOn < startsOn || plannedOn > endsOn)) {
      errors[key] = { code: "rowOutside", params };
      return;
    }
    gatherings.push({ id, kind: kind as GatheringKind, title, plannedOn });
  });

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    data: {
      number,
      wayIn,
      startsOn: startsOn!,
      endsOn: endsOn!,
      officeInviteDeadline: officeDeadline,
      answerDeadline: answerDeadline,
      reminderDaysBefore,
      termsNb,
      termsNn,
      termsEn,
      offices,
      gatherings,
    },
  };
}

/** Why storing refused after the check: another cohort took the number meanwhile, or the chain said no. */
export type SaveResult =
  | { ok: true; cohortId: number; invited: number }
  | { ok: false; errors: FieldErrors };

class ChainRefused extends Error {
  constructor(
    readonly error: ChainError,
    readonly field: string | undefined,
  ) {
    super(error);
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; ) {
    if (e.code === "23505") return true;
    e = e.cause as typeof e;
  }
  return false;
}

function chainErrors(e: ChainRefused): FieldErrors {
  return { [e.field ?? "form"]: { code: e.error } };
}

/**
 * Invite offices as part of the caller's transaction: the chain's command opens a savepoint in
 * it, so the cohort, its gatherings and its offices stand or fall together.
 */
async function inviteInTx(tx: Tx, cohortId: number, officeIds: string[], actor: Actor) {
  if (officeIds.length === 0) return 0;
  const result = await inviteOffices(tx as unknown as Db, cohortId, officeIds, actor);
  if (!result.ok) throw new ChainRefused(result.error, result.field);
  return result.invited;
}

/**
 * Create a cohort of a programme, its planned gatherings, and invite the chosen county offices
 * (each mailed through the jobs queue in its written standard): one transaction, so a refusal
 * anywhere leaves nothing behind.
 */
export async function createCohortAndInvite(
  db: Db,
  programme: { id: number; slug: string },
  data: CohortData,
  actor: Actor,
): Promise<SaveResult> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(cohorts)
        .values({
          programmeId: programme.id,
          number: data.number,
          wayIn: data.wayIn ?? "invitation",
          startsOn: data.startsOn,
          endsOn: data.endsOn,
          officeInviteDeadline: data.officeInviteDeadline,
          answerDeadline: data.answerDeadline,
          reminderDaysBefore: data.reminderDaysBefore,
          termsNb: data.termsNb,
          termsNn: data.termsNn,
          termsEn: data.termsEn,
          createdAt: actor.now,
          createdBy: actor.personId,
        })
        .returning({ id: cohorts.id });
      const cohortId = row!.id;
      if (data.gatherings.length > 0) {
        await tx.insert(cohortPlannedGatherings).values(
          data.gatherings.map((g) => ({
            cohortId,
            kind: g.kind,
            title: g.title,
            plannedOn: g.plannedOn,
          })),
        );
      }
      await recordAudit(tx, {
        actorId: actor.personId,
        action: "cohort.create",
        entityType: "cohort",
        entityId: String(cohortId),
        after: {
          programme: programme.slug,
          wayIn: data.wayIn ?? "invitation",
          ...auditShape(data),
        },
        at: actor.now,
      });
      const invited = await inviteInTx(tx, cohortId, data.offices, actor);
      return { ok: true as const, cohortId, invited };
    });
  } catch (error) {
    if (error instanceof ChainRefused) return { ok: false, errors: chainErrors(error) };
    if (isUniqueViolation(error)) return { ok: false, errors: { number: { code: "numberTaken" } } };
    throw error;
  }
}

/**
 * Change a cohort's dates, terms and planned gatherings, and invite further offices; offices
 * already invited stay. One transaction, audited.
 */
export async function updateCohortAndInvite(
  db: Db,
  cohortId: number,
  data: CohortData,
  actor: Actor,
): Promise<SaveResult> {
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(cohorts)
        .where(eq(cohorts.id, cohortId))
        .for("update");
      if (!before) throw new Error("no such cohort");
      const stored = await tx
        .select()
        .from(cohortPlannedGatherings)
        .where(eq(cohortPlannedGatherings.cohortId, cohortId));
      await tx
        .update(cohorts)
        .set({
          startsOn: data.startsOn,
          endsOn: data.endsOn,
          officeInviteDeadline: data.officeInviteDeadline,
          answerDeadline: data.answerDeadline,
          reminderDaysBefore: data.reminderDaysBefore,
          termsNb: data.termsNb,
          termsNn: data.termsNn,
          termsEn: data.termsEn,
        })
        .where(eq(cohorts.id, cohortId));
      const kept = new Set<number>();
      for (const g of data.gatherings) {
        if (g.id === null) {
          await tx.insert(cohortPlannedGatherings).values({
            cohortId,
            kind: g.kind,
            title: g.title,
            plannedOn: g.plannedOn,
          });
        } else {
          kept.add(g.id);
          await tx
            .update(cohortPlannedGatherings)
            .set({ kind: g.kind, title: g.title, plannedOn: g.plannedOn })
            .where(
              and(
                eq(cohortPlannedGatherings.id, g.id),
                eq(cohortPlannedGatherings.cohortId, cohortId),
              ),
            );
        }
      }
      const removed = stored.filter((g) => !kept.has(g.id)).map((g) => g.id);
      if (removed.length > 0) {
        await tx
          .delete(cohortPlannedGatherings)
          .where(
            and(
              eq(cohortPlannedGatherings.cohortId, cohortId),
              inArray(cohortPlannedGatherings.id, removed),
            ),
          );
      }
      await recordAudit(tx, {
        actorId: actor.personId,
        action: "cohort.update",
        entityType: "cohort",
        entityId: String(cohortId),
        before: auditShape({ ...before, gatherings: stored, offices: [] }),
        after: {
          ...auditShape(data),
          termsChanged: (["termsNb", "termsNn", "termsEn"] as const).filter(
            (f) => before[f] !== data[f],
          ),
        },
        at: actor.now,
      });
      const invited = await inviteInTx(tx, cohortId, data.offices, actor);
      return { ok: true as const, cohortId, invited };
    });
  } catch (error) {
    if (error instanceof ChainRefused) return { ok: false, errors: chainErrors(error) };
    throw error;
  }
}

/** What the audit log keeps of a cohort: its dates and counts, not the terms' full text. */
function auditShape(c: {
  number: number;
  startsOn: string;
  endsOn: string;
  officeInviteDeadline: string | null;
  answerDeadline: string | null;
  reminderDaysBefore: number;
  gatherings: unknown[];
  offices: string[];
}) {
  return {
    number: c.number,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    officeInviteDeadline: c.officeInviteDeadline,
    answerDeadline: c.answerDeadline,
    reminderDaysBefore: c.reminderDaysBefore,
    gatherings: c.gatherings.length,
    ...(c.offices.length > 0 ? { offices: c.offices } : {}),
  };
}

// ---------------------------------------------------------------- reading

export type CohortListItem = {
  id: number;
  number: number;
  wayIn: WayIn;
  startsOn: string;
  endsOn: string;
  officeInviteDeadline: string | null;
  answerDeadline: string | null;
  offices: { id: string; name: string }[];
  gatherings: number;
};

/** A programme's cohorts, newest number first, with the offices invited (named at the start). */
export async function listCohorts(
  db: Db,
  programmeId: number,
  lang: Lang,
): Promise<CohortListItem[]> {
  const rows = await db
    .select()
    .from(cohorts)
    .where(eq(cohorts.programmeId, programmeId))
    .orderBy(asc(cohorts.number));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const offices = await db.select().from(cohortOffices).where(inArray(cohortOffices.cohortId, ids));
  const gatherings = await db
    .select({ cohortId: cohortPlannedGatherings.cohortId })
    .from(cohortPlannedGatherings)
    .where(inArray(cohortPlannedGatherings.cohortId, ids));
  const namesAt = new Map<string, Map<string, string>>();
  const result: CohortListItem[] = [];
  for (const row of rows.reverse()) {
    let names = namesAt.get(row.startsOn);
    if (!names) {
      names = new Map((await countyOfficesAt(db, row.startsOn, lang)).map((o) => [o.id, o.name]));
      namesAt.set(row.startsOn, names);
    }
    result.push({
      id: row.id,
      number: row.number,
      wayIn: row.wayIn,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      officeInviteDeadline: row.officeInviteDeadline,
      answerDeadline: row.answerDeadline,
      offices: offices
        .filter((o) => o.cohortId === row.id)
        .map((o) => ({ id: o.officeId, name: names.get(o.officeId) ?? o.officeId }))
        .sort((a, b) => a.name.localeCompare(b.name, "nb")),
      gatherings: gatherings.filter((g) => g.cohortId === row.id).length,
    });
  }
  return result;
}

export type CohortEditView = {
  cohort: Cohort;
  offices: { id: string; name: string; invitedAt: Date | null }[];
  gatherings: (typeof cohortPlannedGatherings.$inferSelect)[];
};

/** One cohort of a programme by its number, with its offices and planned gatherings. */
export async function cohortForEdit(
  db: Db,
  programmeId: number,
  number: number,
  lang: Lang,
): Promise<CohortEditView | null> {
  const [cohort] = await db
    .select()
    .from(cohorts)
    .where(and(eq(cohorts.programmeId, programmeId), eq(cohorts.number, number)));
  if (!cohort) return null;
  const names = new Map(
    (await countyOfficesAt(db, cohort.startsOn, lang)).map((o) => [o.id, o.name]),
  );
  const offices = (
    await db.select().from(cohortOffices).where(eq(cohortOffices.cohortId, cohort.id))
  )
    .map((o) => ({
      id: o.officeId,
      name: names.get(o.officeId) ?? o.officeId,
      invitedAt: o.invitedAt,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "nb"));
  const gatherings = await db
    .select()
    .from(cohortPlannedGatherings)
    .where(eq(cohortPlannedGatherings.cohortId, cohort.id))
    .orderBy(asc(cohortPlannedGatherings.plannedOn), asc(cohortPlannedGatherings.id));
  return { cohort, offices, gatherings };
}

/** The form as stored: what the edit page starts from. */
export function formFromCohort(view: CohortEditView): CohortForm {
  const c = view.cohort;
  return {
    values: {
      number: String(c.number),
      wayIn: c.wayIn,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      officeInviteDeadline: c.officeInviteDeadline ?? "",
      answerDeadline: c.answerDeadline ?? "",
      reminderDaysBefore: String(c.reminderDaysBefore),
      termsNb: c.termsNb,
      termsNn: c.termsNn,
      termsEn: c.termsEn,
    },
    offices: [],
    gatherings: view.gatherings.map((g) => ({
      id: String(g.id),
      kind: g.kind,
      title: g.title,
      date: g.plannedOn,
    })),
  };
}

/** The day the office list is drawn for: the start typed, else the stored start, else today. */
export function officeDate(form: CohortForm, existing: CohortEditView | undefined, now: Date) {
  return parseDate(form.values.startsOn ?? "") ?? existing?.cohort.startsOn ?? osloToday(now);
}

/** A cohort and the county offices invited to it, without invitations (the seed's cohorts). */
export async function createCohort(
  db: Db,
  input: Omit<typeof cohorts.$inferInsert, "id">,
  officeIds: string[],
) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(cohorts).values(input).returning({ id: cohorts.id });
    if (!row) throw new Error("cohort not created");
    if (officeIds.length > 0) {
      await tx
        .insert(cohortOffices)
        .values(officeIds.map((officeId) => ({ cohortId: row.id, officeId })));
    }
    return row.id;
  });
}

export type CohortRef = Pick<
  Cohort,
  "id" | "number" | "programmeId" | "wayIn" | "startsOn" | "endsOn"
>;

/** A cohort's id, number, programme and way in, for the modules that hang on it (applications). */
export async function cohortRef(db: Db, id: number): Promise<CohortRef | null> {
  const [row] = await db
    .select({
      id: cohorts.id,
      number: cohorts.number,
      programmeId: cohorts.programmeId,
      wayIn: cohorts.wayIn,
      startsOn: cohorts.startsOn,
      endsOn: cohorts.endsOn,
    })
    .from(cohorts)
    .where(eq(cohorts.id, id));
  return row ?? null;
}
