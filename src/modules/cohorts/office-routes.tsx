import { Hono } from "hono";
import type { AppEnv } from "../../kernel/context";

/** Placeholder: filled in by the office part of the cohort chain. */
export function officeRoutes() {
  return new Hono<AppEnv>();
}
