import type { Db } from "../../db/client";
import type { FieldErrors } from "../../kernel/forms";
import { type Outcome, refuse } from "../../kernel/result";
import { activeRoles, peopleOfUnits } from "../identity";
import { type Actor, type Gathering, gatheringById } from "./gatherings";
import {
  admittedPlace,
  placesOf,
  type Registration,
  register,
  registrationOf,
  waitingPosition,
} from "./registration";

/**
 * A unit leader registers the unit's staff (decision 0029): people who hold a role at a unit
 * the leader leads now, chosen by name from the unit's list — no new person is made here, and
 * nothing but their names is shown. Each goes through `register`, the one command that takes a
 * seat or a place in line, which checks again that the leader acts for a person of her unit.
 */

/** The units the person leads now. */
export async function unitsLedBy(db: Db, personId: number): Promise<string[]> {
  return (await activeRoles(db, personId))
    .filter((r) => r.orgKind === "unit" && r.role === "unit-leader")
    .map((r) => r.orgId);
}

export type StaffMember = {
  personId: number;
  name: string;
  role: string;
  unitOrgNumber: string;
  /** Whether the gathering admits them (its cohorts, municipalities, roles). */
  admitted: boolean;
  registration: Registration | null;
  /** Place on the waiting list, when waiting. */
  position: number | null;
};

/** The staff of the leader's units (the leader left out), each with what the gathering says. */
export async function staffOf(
  db: Db,
  gathering: Gathering,
  leaderId: number,
): Promise<StaffMember[]> {
  const units = await unitsLedBy(db, leaderId);
  const people = (await peopleOfUnits(db, units)).filter((p) => p.personId !== leaderId);
  const out: StaffMember[] = [];
  for (const p of people) {
    // One row per person: the first of their units the leader leads.
    if (out.some((o) => o.personId === p.personId)) continue;
    const registration = await registrationOf(db, gathering.id, p.personId);
    const admitted =
      registration !== null ||
      (await admittedPlace(db, gathering, await placesOf(db, p.personId), p.unitOrgNumber)) !==
        null;
    out.push({
      ...p,
      admitted,
      registration,
      position: registration ? await waitingPosition(db, registration) : null,
    });
  }
  return out;
}

/** The most people one form registers (a unit's staff); more is a malformed request. */
export const STAFF_PER_FORM = 200;

export type StaffRegistered = { personId: number; status: "confirmed" | "waiting" }[];

/**
 * Register these people of the leader's units for the gathering, each by `register` (a seat
 * while seats remain, else the waiting list, in the order given). Everything that can be
 * checked for all is checked before anyone is registered: a person outside the leader's units,
 * one already registered, one the gathering does not admit, a closed window — each refused
 * beside the person (`person-<id>`), and then nobody is registered.
 */
export async function registerStaff(
  db: Db,
  input: { gatheringId: number; personIds: number[] },
  actor: Actor & { personId: number },
): Promise<Outcome<{ registered: StaffRegistered }>> {
  const gathering = await gatheringById(db, input.gatheringId);
  if (!gathering) return refuse("gathering", "notFound");
  const personIds = [...new Set(input.personIds)];
  if (personIds.length === 0) return refuse("staff", "noneChosen");
  if (gathering.closedAt !== null) return refuse("gathering", "closed");
  if (actor.now < gathering.registrationOpensAt) return refuse("gathering", "notOpenYet");
  if (actor.now >= gathering.registrationClosesAt) return refuse("gathering", "closed");
  const staff = await staffOf(db, gathering, actor.personId);
  const errors: FieldErrors = {};
  for (const id of personIds) {
    const member = staff.find((s) => s.personId === id);
    if (!member) errors.staff ??= { code: "notInUnit" };
    else if (member.registration)
      errors[`person-${id}`] = { code: "staffAlready", params: { name: member.name } };
    else if (!member.admitted)
      errors[`person-${id}`] = { code: "staffNotAdmitted", params: { name: member.name } };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const registered: StaffRegistered = [];
  for (const id of personIds) {
    const member = staff.find((s) => s.personId === id)!;
    const done = await register(
      db,
      {
        gatheringId: gathering.id,
        personId: id,
        sessionIds: [],
        unitOrgNumber: member.unitOrgNumber,
      },
      actor,
    );
    // Checked above; only a race (the window closing, the person registering themself this
    // instant) refuses here. Those registered before it stay registered, as the page shows.
    if (!done.ok) {
      const code = Object.values(done.errors)[0]?.code ?? "notAllowed";
      return {
        ok: false,
        errors: { [`person-${id}`]: { code: "staffRefused", params: { name: member.name, code } } },
      };
    }
    registered.push({ personId: id, status: done.status });
  }
  return { ok: true, registered };
}
