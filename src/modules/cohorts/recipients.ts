import { addressesActingAs } from "../identity";
import { countyOfficeMailbox } from "../organisations";
import type { Executor } from "./chain-core";
import type { Invitee } from "./invite";
import type { InviteeKind } from "./schema";

/** The e-mail addresses of the people who act for an organisation, and of those invited to. */
export async function recipientsOf(
  db: Executor,
  kind: InviteeKind | "county-office",
  id: string,
  now: Date,
): Promise<string[]> {
  const role =
    kind === "municipality"
      ? "municipal-coordinator"
      : kind === "unit"
        ? "unit-leader"
        : "county-coordinator";
  const emails = new Map<string, string>();
  for (const email of await addressesActingAs(db, role, id, now)) {
    emails.set(email.toLowerCase(), email);
  }
  if (kind === "county-office") {
    const office = await countyOfficeMailbox(db, id);
    if (office?.email) emails.set(office.email.toLowerCase(), office.email);
  }
  return [...emails.values()].sort();
}

/** Whether an address already acts (or is invited to act) for an invitee. */
export async function actsFor(tx: Executor, invitee: Invitee, email: string, now: Date) {
  const known = await recipientsOf(tx, invitee.kind, invitee.id, now);
  return known.some((address) => address.toLowerCase() === email.trim().toLowerCase());
}
