import { osloLocal, osloTyped, parseOsloDateTime } from "../../kernel/clock";
import type { FieldErrors, FormValues } from "../../kernel/forms";
import { ROLE_NAMES } from "../identity";
import {
  type GatheringInput,
  gatheringLimits,
  LEVELS,
  MODES,
  SESSION_KINDS,
  type Session,
  type SessionInput,
} from "./gatherings";
import type { GatheringLevel, GatheringMode, SessionKind } from "./schema";

// The reading of a time in Norway is the kernel's (kernel/clock.ts), shared with every form.
export { osloLocal, osloTyped, parseOsloDateTime };

/** The organiser's form shows the agenda's sessions and this many empty rows to add more. */
export const EMPTY_SESSION_ROWS = 3;

/**
 * The roles a gathering may be limited to, in the form's order. A function: identity's list is
 * read once the modules' imports (which cycle through the layout) have all loaded.
 */
export function admittableRoles(): string[] {
  return ROLE_NAMES.filter((r) => r !== "assessor" && r !== "newsletter-editor");
}

const oneOf = <T extends string>(values: readonly T[], v: string | undefined): T | null =>
  values.includes(v as T) ? (v as T) : null;

const wholeNumber = (v: string | undefined): number | null =>
  /^[0-9]{1,7}$/.test((v ?? "").trim()) ? Number((v ?? "").trim()) : null;

export type ParsedGathering = {
  input: Omit<GatheringInput, "programmeId" | "cohortId" | "organiserKind" | "organiserId">;
  programme: string;
  cohort: string;
  onlyCohort: boolean;
  /** The form's row of each session of `input.sessions` (rows left empty are skipped). */
  rowOf: number[];
  errors: FieldErrors;
};

/**
 * The organiser's form as values for the command, with the errors of what could not be read
 * (a time that is not one, a number that is not whole, a choice not offered). The rules of a
 * gathering (an end after the start, …) are the command's; it checks them after this.
 */
export function parseGatheringForm(raw: FormValues, rows: number): ParsedGathering {
  const errors: FieldErrors = {};
  const text = (name: string) => raw[name] ?? "";
  const time = (name: string): Date => {
    const value = text(name);
    const at = parseOsloDateTime(value);
    if (!at) errors[name] = { code: value.trim() === "" ? "required" : "dateTime" };
    return at ?? new Date(0);
  };
  const level = oneOf(LEVELS, raw.level);
  if (!level) errors.level = { code: "choice" };
  const mode = oneOf(MODES, raw.mode);
  if (!mode) errors.mode = { code: "choice" };
  const capacity = wholeNumber(raw.capacity);
  if (capacity === null) errors.capacity = { code: "capacityRange", max: gatheringLimits.capacity };
  const offerHours = wholeNumber(raw.offerHours);
  if (offerHours === null)
    errors.offerHours = { code: "offerHoursRange", max: gatheringLimits.offerHours };
  const municipalities = text("allowedMunicipalities")
    .split(/[\s,;]+/)
    .filter((x) => x !== "");
  if (municipalities.some((m) => !/^[0-9]{4}$/.test(m)))
    errors.allowedMunicipalities = { code: "municipalityCodes" };

  const sessions: SessionInput[] = [];
  const rowOf: number[] = [];
  for (let row = 1; row <= rows; row++) {
    const at = (f: string) => `session-${row}-${f}`;
    const fields = ["titleNb", "titleNn", "speaker", "room", "startsAt", "endsAt", "capacity"];
    const id = wholeNumber(raw[at("id")]);
    if (raw[at("remove")] === "yes") continue;
    if (id === null && fields.every((f) => text(at(f)).trim() === "")) continue;
    const kind = oneOf(SESSION_KINDS, raw[at("kind")]);
    if (!kind) errors[at("kind")] = { code: "choice" };
    const cap = text(at("capacity")).trim();
    const sessionCapacity = cap === "" ? null : wholeNumber(cap);
    if (cap !== "" && sessionCapacity === null)
      errors[at("capacity")] = { code: "capacityRange", max: gatheringLimits.capacity };
    sessions.push({
      ...(id !== null ? { id } : {}),
      kind: kind ?? "lecture",
      titleNb: text(at("titleNb")),
      titleNn: text(at("titleNn")),
      speaker: text(at("speaker")),
      room: text(at("room")),
      startsAt: time(at("startsAt")),
      endsAt: time(at("endsAt")),
      capacity: sessionCapacity,
    });
    rowOf.push(row);
  }

  const input = {
    level: (level ?? "national") as GatheringLevel,
    titleNb: text("titleNb"),
    titleNn: text("titleNn"),
    descriptionNb: text("descriptionNb"),
    descriptionNn: text("descriptionNn"),
    startsAt: time("startsAt"),
    endsAt: time("endsAt"),
    mode: (mode ?? "physical") as GatheringMode,
    venue: text("venue"),
    address: text("address"),
    digitalLink: text("digitalLink"),
    capacity: capacity ?? 0,
    registrationOpensAt: time("registrationOpensAt"),
    registrationClosesAt: time("registrationClosesAt"),
    allowedCohorts: [],
    allowedMunicipalities: municipalities,
    allowedRoles: admittableRoles().filter((r) => raw[`role-${r}`] === "yes"),
    offerHours: offerHours ?? 0,
    sessions,
  };
  return {
    input,
    programme: text("programme"),
    cohort: text("cohort"),
    onlyCohort: raw.onlyCohort === "yes",
    rowOf,
    errors,
  };
}

/** The command's session errors ("session-2-endsAt": the 2nd session given) under the form's rows. */
export function errorsOnRows(errors: FieldErrors, rowOf: number[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, e] of Object.entries(errors)) {
    const m = /^session-([0-9]+)-(.+)$/.exec(key);
    out[m ? `session-${rowOf[Number(m[1]) - 1] ?? m[1]}-${m[2]}` : key] = e;
  }
  return out;
}

/** A stored gathering as the form's values. */
export function gatheringFormValues(
  g: GatheringInput & { version?: number },
  sessions: Session[],
): FormValues {
  const values: FormValues = {
    programme: String(g.programmeId),
    cohort: g.cohortId === null ? "" : String(g.cohortId),
    onlyCohort: g.cohortId !== null && g.allowedCohorts.includes(g.cohortId) ? "yes" : "",
    level: g.level,
    titleNb: g.titleNb,
    titleNn: g.titleNn,
    descriptionNb: g.descriptionNb,
    descriptionNn: g.descriptionNn,
    startsAt: osloTyped(g.startsAt),
    endsAt: osloTyped(g.endsAt),
    mode: g.mode,
    venue: g.venue,
    address: g.address,
    digitalLink: g.digitalLink,
    capacity: String(g.capacity),
    offerHours: String(g.offerHours),
    registrationOpensAt: osloTyped(g.registrationOpensAt),
    registrationClosesAt: osloTyped(g.registrationClosesAt),
    allowedMunicipalities: g.allowedMunicipalities.join(", "),
    ...(g.version !== undefined ? { version: String(g.version) } : {}),
  };
  for (const r of g.allowedRoles) values[`role-${r}`] = "yes";
  sessions.forEach((s, i) => {
    const at = (f: string) => `session-${i + 1}-${f}`;
    values[at("id")] = String(s.id);
    values[at("kind")] = s.kind;
    values[at("titleNb")] = s.titleNb;
    values[at("titleNn")] = s.titleNn;
    values[at("speaker")] = s.speaker;
    values[at("room")] = s.room;
    values[at("startsAt")] = osloTyped(s.startsAt);
    values[at("endsAt")] = osloTyped(s.endsAt);
    values[at("capacity")] = s.capacity === null ? "" : String(s.capacity);
  });
  return values;
}

export type { SessionKind };
