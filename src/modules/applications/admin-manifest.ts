import type { NavEntry, RouteFactory } from "../../kernel/manifest";
import { applicationAdminRoutes } from "./admin-routes";

/**
 * What the programme admin's and the assessor's side adds to the applications module's manifest
 * (index.ts spreads these in): signed-in routes and the menu entries.
 */
export const adminSignedInRoutes: RouteFactory[] = [() => applicationAdminRoutes()];

export const adminNav: NavEntry[] = [];
