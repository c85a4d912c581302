import type { NavEntry, RouteFactory } from "../../kernel/manifest";
import { applicationAdminRoutes } from "./admin-routes";
import { assessTexts } from "./admin-texts";
import { assessRoutes } from "./assess-routes";
import { builderRoutes } from "./builder-routes";

/**
 * What the programme admin's and the assessor's side adds to the applications module's manifest
 * (index.ts spreads these in): signed-in routes and the menu entries.
 */
export const adminSignedInRoutes: RouteFactory[] = [
  () => applicationAdminRoutes(),
  () => assessRoutes(),
  () => builderRoutes(),
];

export const adminNav: NavEntry[] = [
  {
    position: 26,
    path: "/vurdering",
    label: (lang) => assessTexts(lang).title,
    permission: "assess:application:",
  },
];
