import type { JobHandlers } from "../kernel/jobs";
import { MAIL_JOB, mailJobHandler } from "../kernel/mail-jobs";
import type { Mailer } from "../kernel/mailer";
import type { JobContext, ModuleManifest } from "../kernel/manifest";
import { manifest as applications } from "./applications";
import { manifest as cohorts } from "./cohorts";
import { manifest as contact } from "./contact";
import { manifest as development } from "./development";
import { manifest as feedback } from "./feedback";
import { manifest as gatherings } from "./gatherings";
import { manifest as grants } from "./grants";
import { manifest as identity } from "./identity";
import { manifest as insight } from "./insight";
import { manifest as networks } from "./networks";
import { manifest as newsletter } from "./newsletter";
import { manifest as organisations } from "./organisations";
import { manifest as pages } from "./pages";
import { manifest as programmes } from "./programmes";

/**
 * Every module, in the order the app mounts its routes (public routes in this order, then
 * sign-in required, then signed-in routes in this order). A new module adds its manifest here
 * and touches nothing else outside its folder. A function, not a constant: modules import the
 * layout, which reads this list, so the list is read only once every module has loaded.
 */
export function appModules(): ModuleManifest[] {
  return [
    pages,
    programmes,
    feedback,
    contact,
    newsletter,
    identity,
    organisations,
    cohorts,
    applications,
    gatherings,
    networks,
    grants,
    development,
    insight,
  ];
}

/** What the job loop can run: the mail job and every module's kinds (`jobHandlers`). */
export function jobHandlers(context: JobContext & { mailer: Mailer }): JobHandlers {
  const handlers: JobHandlers = { [MAIL_JOB]: mailJobHandler(context.mailer) };
  for (const m of appModules()) {
    for (const [kind, handler] of Object.entries(m.jobHandlers?.(context) ?? {})) {
      if (handlers[kind]) throw new Error(`job kind ${kind} has two handlers (${m.name})`);
      handlers[kind] = handler;
    }
  }
  return handlers;
}
