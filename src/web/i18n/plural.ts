/**
 * Words for a count, one per plural category (CLDR, as Intl.PluralRules names them) that the
 * language uses; `{n}` stands for the count. Bokmål and nynorsk need only `other` for "tegn";
 * English needs `one` too ("1 character left").
 */
export type PluralForms = { [category in Intl.LDMLPluralRule]?: string } & { other: string };

export const PLURAL_CATEGORIES: readonly Intl.LDMLPluralRule[] = [
  "zero",
  "one",
  "two",
  "few",
  "many",
  "other",
];

const rules = new Map<string, Intl.PluralRules>();

/** The form for `n` in `locale`, with the count filled in. Used by the server and the script. */
export function pluralText(locale: string, forms: PluralForms, n: number): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return (forms[rule.select(n)] ?? forms.other).replace("{n}", String(n));
}
