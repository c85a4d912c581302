import type { AppContext, CurrentUser } from "../../kernel/context";
import { deps } from "../../kernel/context";
import { errorPage } from "../../web/error-pages";
import { orgsGranting, requirePermission } from "../identity";
import { type Gathering, gatheringById } from "./gatherings";

/**
 * Who organises a gathering: the holder of `manage:gathering:<scope>` for the gathering's
 * organiser: the programme owner (`owner`), the county office (`office`), the municipality
 * (`municipality`); `any` for all of them.
 */
export function mayOrganise(
  user: Pick<CurrentUser, "roles" | "permissions"> | null,
  gathering: Pick<Gathering, "organiserKind" | "organiserId">,
): boolean {
  if (!user) return false;
  if (user.permissions.includes("manage:gathering:any")) return true;
  const [permission, orgKind] =
    gathering.organiserKind === "owner"
      ? (["manage:gathering:owner", "owner"] as const)
      : gathering.organiserKind === "county-office"
        ? (["manage:gathering:office", "county-office"] as const)
        : (["manage:gathering:municipality", "municipality"] as const);
  return orgsGranting(user, permission, orgKind).has(gathering.organiserId);
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
  const gathering = await gatheringById(deps(c).db, Number(c.req.param("id")));
  if (!gathering) return { response: errorPage(c, "notFound") };
  if (!mayOrganise(c.get("user"), gathering)) return { response: errorPage(c, "notAllowed") };
  return { value: gathering };
}
