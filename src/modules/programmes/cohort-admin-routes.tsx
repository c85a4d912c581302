import { Hono } from "hono";
import type { AppEnv } from "../../kernel/context";

/** Placeholder: the programme admin's cohort pages. */
export function cohortAdminRoutes() {
  return new Hono<AppEnv>();
}
