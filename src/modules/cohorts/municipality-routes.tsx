import { Hono } from "hono";
import type { AppEnv } from "../../kernel/context";

/** Placeholder: filled in by the municipality part of the cohort chain. */
export function municipalityRoutes() {
  return new Hono<AppEnv>();
}
