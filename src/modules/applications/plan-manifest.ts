import type { NavEntry, RouteFactory } from "../../kernel/manifest";
import { ownCostRoutes } from "./own-cost-routes";
import { planRoutes } from "./plan-routes";
import { planTexts } from "./plan-texts";

/**
 * What the tailored plan and the demo give the applications module's manifest (index.ts wires
 * them in): `signedInRoutes: [...planSignedInRoutes]`, `nav: [...planNav]`, `demo: applicationsDemo`.
 */
export { applicationsDemo } from "./demo";

export const planSignedInRoutes: RouteFactory[] = [() => planRoutes(), () => ownCostRoutes()];

export const planNav: NavEntry[] = [
  {
    position: 35,
    path: "/deltakelser",
    label: (lang) => planTexts(lang).listTitle,
    permission: "follow:participation:",
  },
];
