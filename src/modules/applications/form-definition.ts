import { z } from "zod";
import { FILE_KINDS } from "../../kernel/storage";

/**
 * An application form as data: sections of questions a programme admin builds without code.
 * The definition is checked with these schemas when the admin saves it, and each application
 * is checked against the version it was started on (frozen: a published version never
 * changes; editing makes the next one).
 */

/** Limits an admin may choose within, and the defaults a new question gets. */
export const definitionLimits = {
  sections: 20,
  questionsPerSection: 40,
  options: 30,
  commitments: 15,
  label: 300,
  help: 1000,
  shortTextMax: 500,
  longTextMax: 20_000,
  tableRows: 50,
  /** An attachment's size, in bytes, at most (the admin may choose less). */
  attachmentBytes: 20 * 1024 * 1024,
  /** The size a new attachment question allows until the admin chooses another. */
  attachmentDefaultBytes: 10 * 1024 * 1024,
} as const;

/**
 * File types an attachment question may allow: the kernel's (kernel/storage), where each is
 * recognised by its bytes.
 */
export const ATTACHMENT_TYPES = FILE_KINDS;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

/** What a plan row may be (the FUB/FUG model), and how it is held. */
export const ACTIVITY_KINDS = [
  "training-day",
  "staff-meeting",
  "parent-meeting",
  "gathering",
] as const;
export const ACTIVITY_MODES = ["digital", "physical"] as const;

const key = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, { error: "key" })
  .describe("a stable id: lower case letters, digits and hyphens");

/** Text in bokmål and nynorsk (both required: state bodies publish in both), English optional. */
const localised = (max: number) =>
  z.object({
    nb: z.string().trim().min(1, { error: "required" }).max(max, { error: "max" }),
    nn: z.string().trim().min(1, { error: "required" }).max(max, { error: "max" }),
    en: z.string().trim().max(max, { error: "max" }).optional(),
  });
const optionalLocalised = (max: number) =>
  z.object({
    nb: z.string().trim().max(max, { error: "max" }),
    nn: z.string().trim().max(max, { error: "max" }),
    en: z.string().trim().max(max, { error: "max" }).optional(),
  });

export type Localised = z.infer<ReturnType<typeof localised>>;

const option = z.object({ value: key, label: localised(definitionLimits.label) });

/** Shown only when another question (earlier in the form) has one of the given answers. */
const condition = z.object({ question: key, anyOf: z.array(z.string().max(40)).min(1).max(30) });

const base = {
  id: key,
  label: localised(definitionLimits.label),
  help: optionalLocalised(definitionLimits.help).optional(),
  required: z.boolean(),
  showIf: condition.optional(),
};

const question = z.discriminatedUnion("kind", [
  z.object({
    ...base,
    kind: z.literal("short-text"),
    maxLength: z.number().int().min(1).max(definitionLimits.shortTextMax),
  }),
  z.object({
    ...base,
    kind: z.literal("long-text"),
    maxLength: z.number().int().min(1).max(definitionLimits.longTextMax),
  }),
  z.object({
    ...base,
    kind: z.literal("single-choice"),
    options: z.array(option).min(2).max(definitionLimits.options),
  }),
  z.object({
    ...base,
    kind: z.literal("multiple-choice"),
    options: z.array(option).min(2).max(definitionLimits.options),
  }),
  z.object({
    ...base,
    kind: z.literal("number"),
    min: z.number().int().min(0).max(1_000_000_000),
    max: z.number().int().min(0).max(1_000_000_000),
  }),
  z.object({
    ...base,
    kind: z.literal("date-range"),
    /** The length the range must have, in whole months, when set (FUB/FUG: 12–24). */
    minMonths: z.number().int().min(1).max(120).optional(),
    maxMonths: z.number().int().min(1).max(120).optional(),
  }),
  z.object({
    ...base,
    kind: z.literal("activity-table"),
    maxRows: z.number().int().min(1).max(definitionLimits.tableRows),
  }),
  z.object({
    ...base,
    kind: z.literal("commitments"),
    items: z
      .array(z.object({ id: key, label: localised(definitionLimits.label) }))
      .min(1)
      .max(definitionLimits.commitments),
  }),
  z.object({
    ...base,
    kind: z.literal("attachment"),
    maxBytes: z.number().int().min(1024).max(definitionLimits.attachmentBytes),
    types: z
      .array(z.enum(Object.keys(ATTACHMENT_TYPES) as [AttachmentType, ...AttachmentType[]]))
      .min(1),
  }),
]);

export type Question = z.infer<typeof question>;
export type QuestionKind = Question["kind"];

const section = z.object({
  id: key,
  title: localised(definitionLimits.label),
  intro: optionalLocalised(definitionLimits.help).optional(),
  questions: z.array(question).min(1).max(definitionLimits.questionsPerSection),
});
export type Section = z.infer<typeof section>;

/** A whole form, with the rules that span questions checked too. */
export const formDefinition = z
  .object({ sections: z.array(section).min(1).max(definitionLimits.sections) })
  .superRefine((def, ctx) => {
    const seen = new Map<string, Question>();
    const sectionIds = new Set<string>();
    def.sections.forEach((s, si) => {
      if (sectionIds.has(s.id)) {
        ctx.addIssue({ code: "custom", message: "duplicateSection", path: ["sections", si, "id"] });
      }
      sectionIds.add(s.id);
      s.questions.forEach((q, qi) => {
        const at = ["sections", si, "questions", qi];
        if (seen.has(q.id)) {
          ctx.addIssue({ code: "custom", message: "duplicateQuestion", path: [...at, "id"] });
        }
        if (q.showIf) {
          // Only an earlier choice question can decide: the form reads top to bottom, and a
          // condition can never loop.
          const on = seen.get(q.showIf.question);
          if (!on || (on.kind !== "single-choice" && on.kind !== "multiple-choice")) {
            ctx.addIssue({ code: "custom", message: "condition", path: [...at, "showIf"] });
          } else if (!q.showIf.anyOf.every((v) => on.options.some((o) => o.value === v))) {
            ctx.addIssue({ code: "custom", message: "condition", path: [...at, "showIf"] });
          }
        }
        if (q.kind === "number" && q.min > q.max) {
          ctx.addIssue({ code: "custom", message: "range", path: [...at, "max"] });
        }
        if (
          q.kind === "date-range" &&
          q.minMonths !== undefined &&
          q.maxMonths !== undefined &&
          q.minMonths > q.maxMonths
        ) {
          ctx.addIssue({ code: "custom", message: "range", path: [...at, "maxMonths"] });
        }
        if (q.kind === "single-choice" || q.kind === "multiple-choice") {
          const values = q.options.map((o) => o.value);
          if (new Set(values).size !== values.length) {
            ctx.addIssue({ code: "custom", message: "duplicateOption", path: [...at, "options"] });
          }
        }
        seen.set(q.id, q);
      });
    });
  });

export type FormDefinition = z.infer<typeof formDefinition>;

/** Every question of a definition, in the order the form shows them. */
export function questionsOf(def: FormDefinition): Question[] {
  return def.sections.flatMap((s) => s.questions);
}
