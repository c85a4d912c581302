import { describe, expect, it } from "vitest";
import { type Answers, checkAnswers, durationOf, isAsked } from "./answers";
import { formDefinition, questionsOf } from "./form-definition";
import { fubApplicationForm } from "./fub-form";

const text = (value: string) => ({ kind: "text" as const, value });
const choices = (...values: string[]) => ({ kind: "choices" as const, values });

/** FUB/FUG's form answered in full, as a municipality would submit it. */
function complete(): Answers {
  return {
    hvorfor: text("Vi vil bli bedre på foreldremøter."),
    malgruppe: choices("barnehage", "skole"),
    ledelse: text("Kommunalsjefen leder arbeidet."),
    struktur: text("Fast sak på ledermøtene."),
    foreldreutvalg: text("ja"),
    periode: { kind: "range", from: "2027-08-01", to: "2028-07-31" },
    form: text("mostly-digital"),
    aktiviteter: {
      kind: "rows",
      rows: [{ kind: "training-day", mode: "digital", count: "2", when: "", note: "" }],
    },
    enheter: text("12"),
    forpliktelser: choices("tid", "kostnader"),
  };
}

describe("an application form's definition", () => {
  it("accepts FUB/FUG's form", () => {
    expect(formDefinition.safeParse(fubApplicationForm).success).toBe(true);
  });

  it("refuses two questions with one id, and a condition on a later or non-choice question", () => {
    const [first] = fubApplicationForm.sections;
    const twice = {
      sections: [{ ...first!, questions: [...first!.questions, first!.questions[0]!] }],
    };
    const r1 = formDefinition.safeParse(twice);
    expect(r1.success).toBe(false);
    expect(r1.error?.issues.map((i) => i.message)).toContain("duplicateQuestion");

    const q = first!.questions[0]!;
    const forward = {
      sections: [
        {
          ...first!,
          questions: [
            { ...q, id: "a", showIf: { question: "b", anyOf: ["x"] } },
            { ...q, id: "b" },
          ],
        },
      ],
    };
    const r2 = formDefinition.safeParse(forward);
    expect(r2.error?.issues.map((i) => i.message)).toContain("condition");
  });

  it("refuses a label missing in nynorsk", () => {
    const [first] = fubApplicationForm.sections;
    const q = { ...first!.questions[0]!, label: { nb: "Hvorfor?", nn: " " } };
    const r = formDefinition.safeParse({ sections: [{ ...first!, questions: [q] }] });
    expect(r.success).toBe(false);
  });
});

describe("checking answers", () => {
  it("takes a complete application", () => {
    expect(checkAnswers(fubApplicationForm, complete(), { submitting: true })).toEqual({});
  });

  it("keeps a half-done draft, but lists every missing answer on submission", () => {
    const draft: Answers = { hvorfor: text("Vi vil") };
    expect(checkAnswers(fubApplicationForm, draft, { submitting: false })).toEqual({});
    const missing = checkAnswers(fubApplicationForm, draft, { submitting: true });
    expect(Object.keys(missing).sort()).toEqual(
      [
        "q-aktiviteter",
        "q-enheter",
        "q-foreldreutvalg",
        "q-forpliktelser",
        "q-form",
        "q-ledelse",
        "q-malgruppe",
        "q-periode",
        "q-struktur",
      ].sort(),
    );
    expect(missing["q-forpliktelser"]?.code).toBe("commitments");
    expect(missing["q-form"]?.code).toBe("choice");
  });

  it("asks the follow-up only when its condition holds", () => {
    const q = questionsOf(fubApplicationForm).find((x) => x.id === "foreldreutvalg-plan")!;
    expect(isAsked(q, complete())).toBe(false);
    const no = { ...complete(), foreldreutvalg: text("nei") };
    expect(isAsked(q, no)).toBe(true);
    expect(checkAnswers(fubApplicationForm, no, { submitting: true })).toEqual({
      "q-foreldreutvalg-plan": { code: "required" },
    });
  });

  it("refuses an answer over its limit even in a draft", () => {
    const long = { hvorfor: text("x".repeat(3001)) };
    expect(checkAnswers(fubApplicationForm, long, { submitting: false })).toEqual({
      "q-hvorfor": { code: "max", max: 3000 },
    });
  });

  it("refuses a range that ends before it starts, and a duration outside 12–24 months", () => {
    const backwards = {
      ...complete(),
      periode: { kind: "range" as const, from: "2028-08-01", to: "2027-08-01" },
    };
    expect(checkAnswers(fubApplicationForm, backwards, { submitting: true })).toEqual({
      "q-periode-to": { code: "endBeforeStart" },
    });
    const short = {
      ...complete(),
      periode: { kind: "range" as const, from: "2027-08-01", to: "2028-06-30" },
    };
    expect(checkAnswers(fubApplicationForm, short, { submitting: true })["q-periode-to"]).toEqual({
      code: "duration",
      params: { min: 12, max: 24, months: 11 },
    });
    const long = {
      ...complete(),
      periode: { kind: "range" as const, from: "2027-08-01", to: "2029-08-05" },
    };
    expect(checkAnswers(fubApplicationForm, long, { submitting: true })["q-periode-to"]?.code).toBe(
      "duration",
    );
  });

  it("refuses a choice that is not offered and a number out of range", () => {
    const bad = { ...complete(), form: text("by-pigeon"), enheter: text("0") };
    const errors = checkAnswers(fubApplicationForm, bad, { submitting: false });
    expect(errors["q-form"]).toEqual({ code: "choice" });
    expect(errors["q-enheter"]?.code).toBe("number");
  });

  it("points at the row and column of a bad activity", () => {
    const bad = {
      ...complete(),
      aktiviteter: {
        kind: "rows" as const,
        rows: [
          {
            kind: "training-day" as const,
            mode: "digital" as const,
            count: "2",
            when: "",
            note: "",
          },
          { kind: "parent-meeting" as const, mode: "" as const, count: "1", when: "", note: "" },
        ],
      },
    };
    expect(checkAnswers(fubApplicationForm, bad, { submitting: false })).toEqual({
      "q-aktiviteter-1-mode": { code: "rowMode", params: { row: 2 } },
    });
  });
});

describe("the length of a period", () => {
  it("counts whole months with the last day in", () => {
    expect(durationOf("2027-08-01", "2028-07-31")).toEqual({ months: 12, partial: false });
    expect(durationOf("2027-08-15", "2028-08-14")).toEqual({ months: 12, partial: false });
    expect(durationOf("2027-08-01", "2029-07-31")).toEqual({ months: 24, partial: false });
    expect(durationOf("2027-08-01", "2029-08-05")).toEqual({ months: 24, partial: true });
    expect(durationOf("2027-01-31", "2027-02-27")).toEqual({ months: 0, partial: true });
  });
});
