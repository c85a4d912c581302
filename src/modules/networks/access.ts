import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { learningNetworks, networkMembers, networkMunicipalities } from "./schema";

/** Who asks: the person and her active roles (the session's, or read for a command). */
export type Viewer = {
  /** Null for the system (the demo): it acts for the municipalities in `roles`, never as a member. */
  personId: number | null;
  roles: readonly { role: string; orgKind: string; orgId: string }[];
};

export type Network = typeof learningNetworks.$inferSelect;

/** The organisations where the viewer holds one of these roles. */
export const orgsWhere = (viewer: Viewer, roles: string[]) =>
  viewer.roles.filter((r) => roles.includes(r.role)).map((r) => r.orgId);

/** The municipalities the viewer coordinates (lead:network:municipality). */
export const coordinated = (viewer: Viewer) => orgsWhere(viewer, ["municipal-coordinator"]);

/** The municipalities leading the network: the creator's and those that accepted to co-lead. */
export async function leadingMunicipalities(db: Executor, networkId: number): Promise<string[]> {
  const rows = await db
    .select({ code: networkMunicipalities.municipalityCode })
    .from(networkMunicipalities)
    .where(
      and(
        eq(networkMunicipalities.networkId, networkId),
        inArray(networkMunicipalities.state, ["lead", "accepted"]),
      ),
    );
  return rows.map((r) => r.code).sort();
}

export type Access = {
  network: Network;
  leading: string[];
  /** A coordinator of a leading municipality: adds members, plans meetings, writes minutes. */
  leads: boolean;
  /** The viewer's member row, when she is a member herself. */
  memberId: number | null;
  /** Reads the page (place and link included): members, their units, the leading municipalities. */
  reads: boolean;
  /** Writes reflections and shares documents: members and those who lead. */
  takesPart: boolean;
};

/**
 * What the viewer may do in a network (decision 0031): the leading municipalities' coordinators
 * lead it; they, the leading municipalities' resource persons, the members and the people of
 * member units read it; nobody else learns it exists (an inter-municipal network included:
 * only its members and leading municipalities see it).
 */
export async function accessTo(
  db: Executor,
  networkId: number,
  viewer: Viewer,
): Promise<Access | null> {
  const [network] = await db
    .select()
    .from(learningNetworks)
    .where(eq(learningNetworks.id, networkId));
  if (!network) return null;
  const leading = await leadingMunicipalities(db, networkId);
  const leads = coordinated(viewer).some((m) => leading.includes(m));
  const members = await db
    .select({
      id: networkMembers.id,
      personId: networkMembers.personId,
      unit: networkMembers.unitOrgNumber,
    })
    .from(networkMembers)
    .where(and(eq(networkMembers.networkId, networkId), isNull(networkMembers.removedAt)));
  const memberId =
    viewer.personId === null
      ? null
      : (members.find((m) => m.personId === viewer.personId)?.id ?? null);
  const myUnits = orgsWhere(viewer, ["unit-leader", "staff"]);
  const unitInIt = members.some((m) => m.unit !== null && myUnits.includes(m.unit));
  const resource = orgsWhere(viewer, ["resource-person"]).some((m) => leading.includes(m));
  const reads = leads || memberId !== null || unitInIt || resource;
  return { network, leading, leads, memberId, reads, takesPart: leads || memberId !== null };
}
