import type { AppContext, CurrentUser } from "../../kernel/context";
import { deps } from "../../kernel/context";
import { errorPage } from "../../web/error-pages";
import { requirePermission } from "../identity";
import { type Gathering, gatheringById } from "./gatherings";
import { organisersOf, sameOrganiser } from "./organiser-scope";

/**
 * Who organises a gathering: those acting for its organiser (organiser-scope.ts, decision
 * 0029) — the admin of the programme owner that holds it (`manage:gathering:owner`), the
 * coordinators of the county office (`…:office`) or of the municipality (`…:municipality`)
 * named as its organiser; `any` organises all. Nobody organises another organiser's gathering:
 * a programme admin does not run the county office's regional gathering.
 * (`_programmeOwner` is no longer read; kept so that callers need not change.)
 */
export function mayOrganise(
  user: Pick<CurrentUser, "roles" | "permissions"> | null,
  gathering: Pick<Gathering, "organiserKind" | "organiserId">,
  _programmeOwner?: string | null,
): boolean {
  if (!user) return false;
  if (user.permissions.includes("manage:gathering:any")) return true;
  return organisersOf(user.roles).some((o) => sameOrganiser(o, gathering));
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
  if (!mayOrganise(c.get("user"), gathering)) return { response: errorPage(c, "notAllowed") };
  return { value: gathering };
}
