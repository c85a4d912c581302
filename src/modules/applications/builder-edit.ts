import { BadRequest, type FormValues } from "../../kernel/forms";
import {
  ATTACHMENT_TYPES,
  type AttachmentType,
  definitionLimits,
  type FormDefinition,
  type Question,
  type QuestionKind,
  type Section,
} from "./form-definition";

/**
 * The builder's edits of a form definition, each a plain function from the definition to the
 * next one. The result is checked by `saveForm` (Zod), whose errors are keyed by the same paths
 * the builder's fields are named after ("sections.0.questions.2.label.nn").
 */

export const QUESTION_KINDS: QuestionKind[] = [
  "short-text",
  "long-text",
  "single-choice",
  "multiple-choice",
  "number",
  "date-range",
  "activity-table",
  "commitments",
  "attachment",
];

const placeholder = { nb: "Nytt spørsmål", nn: "Nytt spørsmål", en: "New question" };

function freeId(taken: Set<string>, stem: string): string {
  for (let n = 1; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

const questionIds = (def: FormDefinition) =>
  new Set(def.sections.flatMap((s) => s.questions.map((q) => q.id)));

/** A new question: short text with a placeholder label, valid as it stands (the admin edits it). */
export function newQuestion(def: FormDefinition): Question {
  return {
    id: freeId(questionIds(def), "sporsmal"),
    kind: "short-text",
    label: { ...placeholder },
    required: false,
    maxLength: 200,
  };
}

export function addSection(def: FormDefinition): FormDefinition {
  const section: Section = {
    id: freeId(new Set(def.sections.map((s) => s.id)), "del"),
    title: { nb: "Ny del", nn: "Ny del", en: "New section" },
    questions: [newQuestion(def)],
  };
  return { sections: [...def.sections, section] };
}

export function addQuestion(def: FormDefinition, s: number): FormDefinition {
  const q = newQuestion(def);
  return {
    sections: def.sections.map((sec, i) =>
      i === s ? { ...sec, questions: [...sec.questions, q] } : sec,
    ),
  };
}

function move<T>(list: T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** The act a builder button names: "add-section", "remove-question:0.2", "up-section:1"… */
export function applyAct(def: FormDefinition, act: string): FormDefinition {
  const m = /^(add|remove|up|down)-(section|question)(?::([0-9]{1,2})(?:\.([0-9]{1,2}))?)?$/.exec(
    act,
  );
  if (!m) throw new BadRequest("unknown builder act");
  const [, verb, what, sText, qText] = m;
  const s = sText === undefined ? -1 : Number(sText);
  const q = qText === undefined ? -1 : Number(qText);
  if (verb === "add" && what === "section") return addSection(def);
  const section = def.sections[s];
  if (!section) throw new BadRequest("no such section");
  if (what === "section") {
    if (verb === "remove") return { sections: def.sections.filter((_, i) => i !== s) };
    if (verb === "up" || verb === "down") {
      return { sections: move(def.sections, s, verb === "up" ? -1 : 1) };
    }
    throw new BadRequest("unknown builder act");
  }
  if (verb === "add") return addQuestion(def, s);
  if (!section.questions[q]) throw new BadRequest("no such question");
  const questions =
    verb === "remove"
      ? section.questions.filter((_, i) => i !== q)
      : move(section.questions, q, verb === "up" ? -1 : 1);
  return { sections: def.sections.map((sec, i) => (i === s ? { ...sec, questions } : sec)) };
}

const localisedFrom = (values: FormValues, base: string) => {
  const text = { nb: values[`${base}.nb`] ?? "", nn: values[`${base}.nn`] ?? "" };
  const en = values[`${base}.en`] ?? "";
  return en.trim() ? { ...text, en } : text;
};

/** Whole numbers as typed; text that is not one is kept as NaN for Zod to refuse at its path. */
const int = (text: string | undefined) =>
  text === undefined || text.trim() === "" ? Number.NaN : Number(text.trim());

/** Lines "value; bokmål; nynorsk" as the options or items the definition holds. */
function lines(text: string | undefined) {
  return (text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [value = "", nb = "", nn = "", en = ""] = l.split(";").map((x) => x.trim());
      return { value, label: en ? { nb, nn, en } : { nb, nn } };
    });
}

export const linesOf = (
  list: { value?: string; id?: string; label: Record<string, string | undefined> }[],
) =>
  list
    .map((o) =>
      [
        o.value ?? o.id ?? "",
        o.label.nb ?? "",
        o.label.nn ?? "",
        ...(o.label.en ? [o.label.en] : []),
      ].join("; "),
    )
    .join("\n");

/**
 * The question as the edit form posted it (fields named by their definition path), with the
 * settings of its kind; a kind just chosen starts from sensible settings.
 */
export function questionFromForm(values: FormValues, base: string, previous: Question): unknown {
  const kind = values[`${base}.kind`] as QuestionKind;
  if (!QUESTION_KINDS.includes(kind)) throw new BadRequest("unknown kind");
  const changed = kind !== previous.kind;
  const help = localisedFrom(values, `${base}.help`);
  const condition = (values[`${base}.showIf.question`] ?? "").trim();
  const common = {
    id: (values[`${base}.id`] ?? "").trim(),
    label: localisedFrom(values, `${base}.label`),
    required: values[`${base}.required`] === "yes",
    ...(help.nb.trim() || help.nn.trim() ? { help } : {}),
    ...(condition
      ? {
          showIf: {
            question: condition,
            anyOf: (values[`${base}.showIf.anyOf`] ?? "")
              .split(",")
              .map((v) => v.trim())
              .filter(Boolean),
          },
        }
      : {}),
  };
  const v = (name: string) => values[`${base}.${name}`];
  switch (kind) {
    case "short-text":
    case "long-text":
      return {
        ...common,
        kind,
        maxLength: changed ? (kind === "short-text" ? 200 : 3000) : int(v("maxLength")),
      };
    case "single-choice":
    case "multiple-choice": {
      const options = changed
        ? [
            { value: "ja", label: { nb: "Ja", nn: "Ja", en: "Yes" } },
            { value: "nei", label: { nb: "Nei", nn: "Nei", en: "No" } },
          ]
        : lines(v("options"));
      return { ...common, kind, options };
    }
    case "number":
      return {
        ...common,
        kind,
        min: changed ? 0 : int(v("min")),
        max: changed ? 100 : int(v("max")),
      };
    case "date-range": {
      const minMonths = v("minMonths")?.trim();
      const maxMonths = v("maxMonths")?.trim();
      return {
        ...common,
        kind,
        ...(!changed && minMonths ? { minMonths: int(minMonths) } : {}),
        ...(!changed && maxMonths ? { maxMonths: int(maxMonths) } : {}),
      };
    }
    case "activity-table":
      return { ...common, kind, maxRows: changed ? 10 : int(v("maxRows")) };
    case "commitments": {
      const items = changed
        ? [{ id: "forpliktelse-1", label: { nb: "Vi forplikter oss", nn: "Vi forpliktar oss" } }]
        : lines(v("items")).map((o) => ({ id: o.value, label: o.label }));
      return { ...common, kind, items };
    }
    case "attachment": {
      const types = changed
        ? (["pdf"] as AttachmentType[])
        : (Object.keys(ATTACHMENT_TYPES) as AttachmentType[]).filter(
            (t) => values[`${base}.types.${t}`] === "yes",
          );
      const kb = int(v("maxBytes"));
      return {
        ...common,
        kind,
        types,
        maxBytes: changed ? definitionLimits.attachmentDefaultBytes : kb * 1024,
      };
    }
  }
}

/** The definition with one question replaced (not checked: saveForm checks it). */
export function withQuestion(def: FormDefinition, s: number, q: number, question: unknown) {
  return {
    sections: def.sections.map((sec, i) =>
      i === s ? { ...sec, questions: sec.questions.map((x, j) => (j === q ? question : x)) } : sec,
    ),
  };
}

export function withSection(def: FormDefinition, s: number, values: FormValues) {
  const base = `sections.${s}`;
  const intro = localisedFrom(values, `${base}.intro`);
  return {
    sections: def.sections.map((sec, i) => {
      if (i !== s) return sec;
      const { intro: _previous, ...rest } = sec;
      return {
        ...rest,
        id: (values[`${base}.id`] ?? "").trim(),
        title: localisedFrom(values, `${base}.title`),
        // An introduction is optional: one left empty in every language is none.
        ...(intro.nb.trim() || intro.nn.trim() || "en" in intro ? { intro } : {}),
      };
    }),
  };
}

/** The values of a question's edit form, named by their paths, from the stored question. */
export function questionValues(q: Question, base: string): FormValues {
  const out: FormValues = {
    [`${base}.kind`]: q.kind,
    [`${base}.id`]: q.id,
    [`${base}.required`]: q.required ? "yes" : "",
    [`${base}.showIf.question`]: q.showIf?.question ?? "",
    [`${base}.showIf.anyOf`]: q.showIf?.anyOf.join(", ") ?? "",
  };
  for (const l of ["nb", "nn", "en"] as const) {
    out[`${base}.label.${l}`] = q.label[l] ?? "";
    out[`${base}.help.${l}`] = q.help?.[l] ?? "";
  }
  switch (q.kind) {
    case "short-text":
    case "long-text":
      out[`${base}.maxLength`] = String(q.maxLength);
      break;
    case "single-choice":
    case "multiple-choice":
      out[`${base}.options`] = linesOf(q.options);
      break;
    case "number":
      out[`${base}.min`] = String(q.min);
      out[`${base}.max`] = String(q.max);
      break;
    case "date-range":
      out[`${base}.minMonths`] = q.minMonths ? String(q.minMonths) : "";
      out[`${base}.maxMonths`] = q.maxMonths ? String(q.maxMonths) : "";
      break;
    case "activity-table":
      out[`${base}.maxRows`] = String(q.maxRows);
      break;
    case "commitments":
      out[`${base}.items`] = linesOf(q.items);
      break;
    case "attachment":
      out[`${base}.maxBytes`] = String(Math.round(q.maxBytes / 1024));
      for (const t of q.types) out[`${base}.types.${t}`] = "yes";
      break;
  }
  return out;
}
