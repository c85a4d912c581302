export { grantAdminRoutes } from "./admin-routes";
export { type GrantFigures, grantFigures } from "./insight-reads";
export { grantMunicipalityRoutes } from "./municipality-routes";

// ── Manifest: what the app needs of this module (see kernel/manifest.ts). ──
import type { ModuleManifest } from "../../kernel/manifest";
import { grantAdminRoutes as manifestAdminRoutes } from "./admin-routes";
import { grantsAuditActions } from "./audit-texts";
import { grantsDemo } from "./demo";
import { letterJobHandlers } from "./letter-job";
import { grantMunicipalityRoutes as manifestMunicipalityRoutes } from "./municipality-routes";
import { runGrantReminders } from "./reminders";
import * as manifestSchema from "./schema";
import { grantTexts } from "./texts";
import { travelRoutes as manifestTravelRoutes, travelUploads } from "./travel-routes";
import { travelTexts } from "./travel-texts";

export const manifest: ModuleManifest = {
  name: "grants",
  auditActions: grantsAuditActions,
  workAreas: ["/admin/tilskudd"],
  signedInRoutes: [
    () => manifestAdminRoutes(),
    () => manifestMunicipalityRoutes(),
    () => manifestTravelRoutes(),
  ],
  largeUploads: travelUploads,
  nav: [
    {
      position: 36,
      path: "/admin/tilskudd",
      label: (lang) => grantTexts(lang).adminNav,
      permission: "manage:grant:",
    },
    {
      position: 37,
      path: "/tilskudd",
      label: (lang) => grantTexts(lang).nav,
      permission: "answer:grant:",
    },
    {
      position: 38,
      path: "/reisestotte",
      label: (lang) => travelTexts(lang).nav,
      permission: "claim:travel:",
    },
  ],
  schema: manifestSchema,
  jobHandlers: letterJobHandlers,
  housekeeping: [
    {
      // Reminders before the acceptance deadline, and before and after the report's: once each.
      name: "grant reminders",
      everyMinutes: 60,
      async run(db, context) {
        const n = await runGrantReminders(db, context);
        return n > 0 ? `${n} grant reminders` : null;
      },
    },
  ],
  demo: grantsDemo,
};
