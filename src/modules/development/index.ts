export { type Frame, frameInForce } from "./frame";
export { type MeetingReflection, planReflectionsOnMeeting } from "./plan";
export {
  type CohortProgress,
  cohortProgress,
  type MunicipalityProgress,
  municipalityProgress,
  type UnitProgress,
  unitProgress,
} from "./progress";

// ── Manifest: what the app needs of this module (see kernel/manifest.ts). A block of its own at
// the end, imports included. ──
import type { ModuleManifest } from "../../kernel/manifest";
import { developmentAuditActions as manifestAuditActions } from "./audit-texts";
import { developmentDemo as manifestDemo } from "./demo";
import { followUpRoutes as manifestFollowUpRoutes } from "./follow-up-routes";
import { frameRoutes as manifestFrameRoutes } from "./frame-routes";
import { planRoutes as manifestPlanRoutes } from "./plan-routes";
import { progressRoutes as manifestProgressRoutes } from "./progress-routes";
import * as manifestSchema from "./schema";
import { developmentTexts as manifestTexts } from "./texts";

export const manifest: ModuleManifest = {
  name: "development",
  workAreas: ["/utviklingsarbeid", "/oppfolging"],
  signedInRoutes: [
    () => manifestFrameRoutes(),
    () => manifestPlanRoutes(),
    () => manifestFollowUpRoutes(),
    () => manifestProgressRoutes(),
  ],
  nav: [
    {
      position: 23,
      path: "/utviklingsarbeid",
      label: (lang) => manifestTexts(lang).nav,
      permission: "read:plan:",
    },
    {
      position: 24,
      path: "/oppfolging",
      label: (lang) => manifestTexts(lang).followUp.title,
      permission: "log:follow-up:",
    },
    {
      position: 28,
      path: "/utviklingsarbeid/framdrift",
      label: (lang) => manifestTexts(lang).plans.progress,
      permission: "read:progress:",
    },
    {
      position: 41,
      path: "/admin/rammeverk",
      label: (lang) => manifestTexts(lang).frame.listTitle,
      permission: "edit:frame:",
    },
  ],
  schema: manifestSchema,
  auditActions: manifestAuditActions,
  demo: manifestDemo,
};
