import { readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LANGS, messages } from ".";
import { PLURAL_CATEGORIES } from "./plural";

// The types check that nn and en have nb's keys, but not the keys of maps written
// `as Record<string, string>` (role names, delivery modes, Feide affiliations): a role name
// missing in nynorsk would show the bare code. This compares the whole shape, maps included.

const SRC = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Plural forms differ by language by design: English has `one` where bokmål needs only `other`. */
const isPluralForms = (v: object) =>
  "other" in v && Object.keys(v).every((k) => (PLURAL_CATEGORIES as string[]).includes(k));

/** Every key path of a text object; a function is a leaf with its number of parameters. */
function shape(value: unknown, path = ""): string[] {
  if (typeof value === "function") return [`${path}()${value.length}`];
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [path];
  if (isPluralForms(value)) return [`${path}{plural}`];
  return Object.entries(value)
    .flatMap(([key, v]) => shape(v, path ? `${path}.${key}` : key))
    .sort();
}

// The invitation chain's mail is written in bokmål and nynorsk only (the recipient's målform).
const isPerLang = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && "nb" in v && "nn" in v;

/** Each texts file's texts per language, found by what it exports: a record or an accessor. */
async function textsOf(file: string): Promise<[string, Record<string, unknown>][]> {
  const exported: Record<string, unknown> = await import(file);
  const found: [string, Record<string, unknown>][] = [];
  for (const [name, value] of Object.entries(exported)) {
    if (isPerLang(value)) found.push([name, value]);
    else if (typeof value === "function" && value.length === 1) {
      const perLang = Object.fromEntries(LANGS.map((l) => [l, value(l)]));
      if (LANGS.every((l) => typeof perLang[l] === "object")) found.push([name, perLang]);
    }
  }
  return found;
}

describe("texts in nb, nn and en", () => {
  it("the central catalogue has the same keys in every language", () => {
    for (const lang of LANGS) expect(shape(messages(lang))).toEqual(shape(messages("nb")));
  });

  it("every module's texts have the same keys in every language, maps included", async () => {
    const files = filesUnder(SRC).filter((f) => /texts\.ts$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const texts = await textsOf(file);
      expect(texts.length, `${relative(SRC, file)} exports no texts per language`).toBeGreaterThan(
        0,
      );
      for (const [name, perLang] of texts) {
        for (const lang of LANGS.filter((l) => l in perLang)) {
          expect(shape(perLang[lang]), `${relative(SRC, file)}: ${name}.${lang}`).toEqual(
            shape(perLang.nb),
          );
        }
      }
    }
  });
});
