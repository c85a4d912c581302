/**
 * The databases the test run prepares once and every test file copies: the reference data
 * (counties, municipalities, offices); the demo programmes, cohorts and units on top; the demo
 * people and their roles on top of that. All as on the test clock's day.
 */
export const TEMPLATES = ["reference", "demo", "people"] as const;
export type Template = (typeof TEMPLATES)[number];

export const TEMPLATE_DATE = "2026-11-23";
export const TEMPLATE_CLOCK = new Date("2026-11-23T10:00:00Z");
