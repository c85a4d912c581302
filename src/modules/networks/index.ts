export { accessTo, type Viewer } from "./access";
export { addReflection, shareDocument, timelineOf } from "./activity";
export {
  cancelMeeting,
  planMeeting,
  recordAttendance,
  updateMeeting,
  writeMinutes,
} from "./meetings";
export {
  addMembers,
  answerCoLead,
  createNetwork,
  networkCounts,
  networksOf,
  networksPerMemberEmail,
  removeMember,
} from "./networks";
export { queueMeetingReminders } from "./reminders";
export { networkRoutes } from "./routes";
export { membersSegment } from "./segments";

// ── Manifest: what the app needs of this module (see kernel/manifest.ts). A block of its own at
// the end, imports included. ──
import type { ModuleManifest } from "../../kernel/manifest";
import { networkAuditActions as manifestAuditActions } from "./audit-texts";
import { networksDemo as manifestDemo } from "./demo";
import {
  queueMeetingReminders as manifestQueueReminders,
  meetingReminderJobHandlers as manifestReminderJobs,
} from "./reminders";
import { networkRoutes as manifestRoutes } from "./routes";
import * as manifestSchema from "./schema";
import { networkTexts as manifestTexts } from "./texts";

export const manifest: ModuleManifest = {
  name: "networks",
  signedInRoutes: [() => manifestRoutes()],
  nav: [
    {
      position: 29,
      path: "/nettverk",
      label: (lang) => manifestTexts[lang].nav,
      permission: "read:network:",
    },
  ],
  schema: manifestSchema,
  auditActions: manifestAuditActions,
  demo: manifestDemo,
  // The reminder before a meeting: a job per meeting, a mail per member, each once.
  jobHandlers: (context) => manifestReminderJobs(context),
  housekeeping: [
    {
      name: "network meeting reminders",
      everyMinutes: 15,
      async run(db, context) {
        const n = await manifestQueueReminders(db, context.now);
        return n ? `${n} network meeting reminders queued` : null;
      },
    },
  ],
  // A shared document is up to 10 MB; the route checks its own limit.
  largeUploads: [/^\/(nb|nn|en)\/nettverk\/[0-9]{1,9}\/dokumenter$/],
};
