import { Hono } from "hono";
import type { AppEnv } from "../../kernel/context";

/** Placeholder: filled in by the overview part of the cohort chain. */
export function overviewRoutes() {
  return new Hono<AppEnv>();
}
