import type { AppContext, CurrentUser } from "../../kernel/context";
import { deps } from "../../kernel/context";
import { errorPage } from "../../web/error-pages";
import { orgsGranting, requirePermission } from "../identity";
import { programmeRef } from "../programmes";
import { type Gathering, gatheringById } from "./gatherings";

/**
 * Who organises a gathering: as the organiser's list and form have it (organiser-routes.tsx),
 * the admin of the programme's owner (`manage:gathering:owner`) organises every gathering of
 * the owner's programmes; and, when a role grants it, the county office or municipality named
 * as the gathering's organiser (`manage:gathering:office`, `…:municipality`); `any` organises all.
 */
export function mayOrganise(
  user: Pick<CurrentUser, "roles" | "permissions"> | null,
  gathering: Pick<Gathering, "organiserKind" | "organiserId">,
  programmeOwner: string | null,
): boolean {
  if (!user) return false;
  if (user.permissions.includes("manage:gathering:any")) return true;
  if (
    programmeOwner !== null &&
    orgsGranting(user, "manage:gathering:owner", "owner").has(programmeOwner)
  )
    return true;
  if (gathering.organiserKind === "county-office")
    return orgsGranting(user, "manage:gathering:office", "county-office").has(
      gathering.organiserId,
    );
  if (gathering.organiserKind === "municipality")
    return orgsGranting(user, "manage:gathering:municipality", "municipality").has(
      gathering.organiserId,
    );
  return false;
}

type Found<T> =
  | { response: Response | Promise<Response>; value?: never }
  | { value: T; response?: never };

/**
 * The gathering of the route's `:id`, if the user organises it. The permission is asked first
 * (403), so that a person without any learns nothing of which gatherings exist; then 404 for
 * an unknown gathering, 403 for another organiser's.
 */
export async function organisedGathering(c: AppContext): Promise<Found<Gathering>> {
  requirePermission(c, "manage", "gathering");
  const { db } = deps(c);
  const gathering = await gatheringById(db, Number(c.req.param("id")));
  if (!gathering) return { response: errorPage(c, "notFound") };
  const programme = await programmeRef(db, gathering.programmeId);
  if (!mayOrganise(c.get("user"), gathering, programme?.owner ?? null))
    return { response: errorPage(c, "notAllowed") };
  return { value: gathering };
}
