import type { Db } from "../../db/client";
import type { FieldErrors } from "../../kernel/forms";
import { type Outcome, refuse } from "../../kernel/result";
import {
  type Actor,
  createGathering,
  type GatheringInput,
  gatheringById,
  sessionsOf,
} from "./gatherings";

export type CopyInput = {
  gatheringId: number;
  /** The cohort of the copy; null: the whole programme. */
  cohortId: number | null;
  /** When the copy starts: everything else moves by the same offset. */
  startsAt: Date;
};

/** The fields of the copy's form that a refusal of the new gathering is shown beside. */
const ON_COHORT = new Set([
  "cohort",
  "programme",
  "level",
  "allowedMunicipalities",
  "allowedCohorts",
]);

/**
 * The command's refusals on the copy's own fields: what the reach decides beside the cohort,
 * a refusal of the whole beside the gathering, every other (the times) beside the start.
 */
export function copyErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, e] of Object.entries(errors)) {
    const to = field === "gathering" ? "gathering" : ON_COHORT.has(field) ? "cohort" : "startsAt";
    out[to] ??= e;
  }
  return out;
}

const shift = (at: Date, ms: number) => new Date(at.getTime() + ms);

/**
 * Copy a gathering to another cohort and/or date (organiser's act): title, texts, place,
 * capacity, who may register, the registration window and the agenda, all times moved by the
 * offset between the two starts; no registrations. Created through `createGathering`, so the
 * copy keeps the organiser's reach (organiser-scope.ts) and every rule of a gathering, and is
 * audited there. A gathering open to its own cohort only is, as a copy, open to the new one.
 */
export async function copyGathering(
  db: Db,
  input: CopyInput,
  actor: Actor,
): Promise<Outcome<{ gatheringId: number }>> {
  const g = await gatheringById(db, input.gatheringId);
  if (!g) return refuse("gathering", "notFound");
  const offset = input.startsAt.getTime() - g.startsAt.getTime();
  const onlyOwnCohort =
    g.cohortId !== null && g.allowedCohorts.length === 1 && g.allowedCohorts[0] === g.cohortId;
  const sessions = await sessionsOf(db, g.id);
  const copy: GatheringInput = {
    programmeId: g.programmeId,
    cohortId: input.cohortId,
    level: g.level,
    organiserKind: g.organiserKind,
    organiserId: g.organiserId,
    titleNb: g.titleNb,
    titleNn: g.titleNn,
    descriptionNb: g.descriptionNb,
    descriptionNn: g.descriptionNn,
    startsAt: shift(g.startsAt, offset),
    endsAt: shift(g.endsAt, offset),
    mode: g.mode,
    venue: g.venue,
    address: g.address,
    digitalLink: g.digitalLink,
    capacity: g.capacity,
    registrationOpensAt: shift(g.registrationOpensAt, offset),
    registrationClosesAt: shift(g.registrationClosesAt, offset),
    allowedCohorts: onlyOwnCohort
      ? input.cohortId === null
        ? []
        : [input.cohortId]
      : g.allowedCohorts,
    allowedMunicipalities: g.allowedMunicipalities,
    allowedRoles: g.allowedRoles,
    offerHours: g.offerHours,
    sessions: sessions.map((s) => ({
      kind: s.kind,
      titleNb: s.titleNb,
      titleNn: s.titleNn,
      speaker: s.speaker,
      room: s.room,
      startsAt: shift(s.startsAt, offset),
      endsAt: shift(s.endsAt, offset),
      capacity: s.capacity,
    })),
  };
  return createGathering(db, copy, actor);
}
