import { Hono } from "hono";
import type { AppEnv } from "../../kernel/context";
import { applicationDecisionRoutes } from "./decision-routes";
import { applicationRoundRoutes } from "./round-routes";

/**
 * The programme admin's side of applications: an application cohort's round (open, close, name
 * assessors, the applications by state, exports) and each application (read, decide, reopen).
 */
export function applicationAdminRoutes() {
  const app = new Hono<AppEnv>();
  app.route("/", applicationRoundRoutes());
  app.route("/", applicationDecisionRoutes());
  return app;
}
