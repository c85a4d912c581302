import { describe, expect, it } from "vitest";
import { checkFreeText, isNationalId, maskPersonalData, nationalIdKind } from "./child-guard";
import { CHILD_GUARD_CORPUS, corpusScores } from "./child-guard-corpus";
import { confirmationsOf, screenFields } from "./child-guard-forms";

/** The places warned about, as [reason, quoted text]. */
const warned = (text: string) =>
  checkFreeText(text).warn.map((f) => [f.reason, text.slice(f.start, f.end)]);
const flagged = (text: string) => {
  const found = checkFreeText(text);
  return found.warn.length + found.refuse.length > 0;
};

describe("national identity numbers", () => {
  it("knows a fødselsnummer, a D-number and an H-number by both control digits and the date", () => {
    expect(nationalIdKind("01010012356")).toBe("fodselsnummer");
    expect(nationalIdKind("15031650094")).toBe("fodselsnummer"); // born 2016
    expect(nationalIdKind("41010010096")).toBe("dNumber"); // day + 40
    expect(nationalIdKind("01410010085")).toBe("hNumber"); // month + 40
    expect(nationalIdKind("29020050088")).toBe("fodselsnummer"); // 29.2.2000, a leap year
  });

  it("refuses nothing whose control digits fail, or whose date is not a date", () => {
    expect(nationalIdKind("01010012357")).toBeNull(); // second control digit off by one
    expect(nationalIdKind("01010012346")).toBeNull(); // first control digit wrong
    expect(nationalIdKind("12345678901")).toBeNull();
    expect(nationalIdKind("31020010005")).toBeNull(); // 31 February
    expect(nationalIdKind("29020010027")).toBeNull(); // 29.2.1900: not a leap year
    expect(nationalIdKind("01014580049")).toBeNull(); // individual 800 is no one born in 1945
    expect(nationalIdKind("0101001235")).toBeNull(); // ten digits
    expect(isNationalId("01010012356")).toBe(true);
  });

  it("finds one with and without a space between the date and the five digits, and says where", () => {
    const text = "Gjelder 01010012356 og 410100 10096, ikke 0101001235 eller 12345678901.";
    const found = checkFreeText(text).refuse;
    expect(found.map((f) => [f.reason, text.slice(f.start, f.end)])).toEqual([
      ["fodselsnummer", "01010012356"],
      ["dNumber", "410100 10096"],
    ]);
    expect(found[0]).toMatchObject({ kind: "nationalId", start: 8, end: 19 });
  });

  it("leaves organisation numbers, phone numbers, dates and longer digit runs alone", () => {
    const text =
      "Org.nr. 974767880, telefon 23 30 12 00 og 92345678, frist 01.06.2027, sak 010100123567.";
    expect(checkFreeText(text)).toEqual({ refuse: [], warn: [] });
  });
});

describe("text that looks as if it identifies a child", () => {
  it("warns on a first name with an age, a class or a grade, and says where", () => {
    expect(warned("Hei! Emma (7 år) blir holdt utenfor.")).toEqual([["nameAge", "Emma (7 år)"]]);
    expect(checkFreeText("Hei! Emma (7 år) blir holdt utenfor.").warn[0]).toMatchObject({
      kind: "child",
      start: 5,
      end: 16,
    });
    expect(warned("Vi er bekymret for Ola i 3B.")).toEqual([["nameClass", "Ola i 3B"]]);
    expect(warned("Lise på 2. trinn har fått ny assistent.")).toEqual([
      ["nameClass", "Lise på 2. trinn"],
    ]);
    expect(warned("Åtte år gamle Amalie leser ikke ennå.")).toEqual([
      ["nameAge", "Åtte år gamle Amalie"],
    ]);
  });

  it("warns on a diagnosis near a name or a word for one child", () => {
    expect(warned("Gutten i 5A med ADHD trenger mer struktur.")).toEqual([
      ["childDiagnosis", "Gutten i 5A med ADHD"],
    ]);
    expect(warned("Filip har diagnosen autisme.")).toEqual([
      ["nameDiagnosis", "Filip har diagnosen"],
    ]);
    expect(warned("Vi har sendt bekymringsmelding om Lucas.")).toEqual([
      ["nameDiagnosis", "bekymringsmelding om Lucas"],
    ]);
  });

  it("warns on «eleven Jonas», «barnet som heter …», «sønnen min i 2B» and a child's family", () => {
    expect(warned("Eleven Jonas har vært borte i tre uker.")).toEqual([
      ["childName", "Eleven Jonas"],
    ]);
    expect(warned("Barnet som heter Oliver, har utfordringer.")).toEqual([
      ["childName", "Barnet som heter Oliver"],
    ]);
    expect(warned("Sønnen min i 2B blir mobbet.")).toEqual([["childClass", "Sønnen min i 2B"]]);
    expect(warned("Moren til Linnea vil ha et møte.")).toEqual([
      ["familyName", "Moren til Linnea"],
    ]);
  });

  it("reads nynorsk", () => {
    expect(warned("Guten i 5A med ADHD treng meir struktur.")).toEqual([
      ["childDiagnosis", "Guten i 5A med ADHD"],
    ]);
    expect(warned("Barnet som heiter Live, har vanskar med språket.")).toEqual([
      ["childName", "Barnet som heiter Live"],
    ]);
    expect(warned("Eirik frå 6A vart slått i garderoben.")).toEqual([
      ["nameClass", "Eirik frå 6A"],
    ]);
    expect(warned("Ei jente på 10 år har fortalt om vald heime.")).toEqual([
      ["childAge", "Ei jente på 10 år"],
    ]);
    expect(warned("Dottera vår Solveig (5) vil ikkje gå i barnehagen.")).toEqual([
      ["childName", "Dottera vår Solveig (5)"],
    ]);
  });

  it("leaves groups, grades, staff with their roles and the law's «eleven» alone", () => {
    for (const text of [
      "3. trinn skal jobbe med vennskap i høst.",
      "Alle barn i gruppa skal ha en voksen de er trygge på.",
      "Emma Hansen, rektor, leder arbeidet.",
      "Kontaktlærer Ola Nordmann i 3B har ansvar for tiltaket.",
      "Pedagogisk leiar Gunnhild Vik på avdeling Revebjølla tek imot nye born.",
      "Elever med ADHD har rett til tilrettelagt opplæring.",
      "Eleven har rett til et trygt og godt skolemiljø.",
      "Per trinn har vi satt av to timer i uka.",
      "Kari holder autismekurs for personalet på torsdag.",
      "Til stede: Kari Nordmann (2. trinn), Ola Hansen (4. trinn) og rektor.",
      "Møtet er 14.03.2027 kl. 12.00, org.nr. 974767880.",
    ]) {
      expect(checkFreeText(text), text).toEqual({ refuse: [], warn: [] });
    }
  });

  it("merges what overlaps into one place per child", () => {
    const text = "Sønnen vår Jakob på 6 år har ADHD. Ingrid fra 6A ble erta.";
    expect(warned(text)).toEqual([
      ["childName", "Sønnen vår Jakob på 6 år"],
      ["nameClass", "Ingrid fra 6A"],
    ]);
  });
});

describe("the corpus", () => {
  it("has at least 200 sentences in bokmål and nynorsk, about half of them identifying a child", () => {
    expect(CHILD_GUARD_CORPUS.length).toBeGreaterThanOrEqual(200);
    const positives = CHILD_GUARD_CORPUS.filter((s) => s.identifiesChild);
    expect(positives.length).toBeGreaterThanOrEqual(100);
    expect(CHILD_GUARD_CORPUS.length - positives.length).toBeGreaterThanOrEqual(100);
    for (const lang of ["nb", "nn"] as const) {
      expect(CHILD_GUARD_CORPUS.filter((s) => s.lang === lang).length).toBeGreaterThan(80);
    }
    expect(new Set(CHILD_GUARD_CORPUS.map((s) => s.text)).size).toBe(CHILD_GUARD_CORPUS.length);
  });

  it("is flagged with recall of at least 0.9 and false alarms of at most 0.05", () => {
    const scores = corpusScores(flagged);
    console.log(
      `child guard on the corpus: recall ${scores.recall.toFixed(3)}, false alarms ${scores.falseAlarms.toFixed(3)}`,
    );
    expect(scores.recall).toBeGreaterThanOrEqual(0.9);
    expect(scores.falseAlarms).toBeLessThanOrEqual(0.05);
  });
});

describe("screening a form's fields", () => {
  it("makes an identity number an error that says how it starts, without the rest", () => {
    const screened = screenFields({ message: "Gjelder 010100 12356, kan dere ringe?" });
    expect(screened.errors).toEqual({
      message: { code: "nationalId", params: { start: "010100" } },
    });
    expect(screened.warnings).toEqual({});
  });

  it("warns with the places quoted, and accepts the confirmation of exactly those places", () => {
    const text = "Emma (7 år) blir holdt utenfor.";
    const first = screenFields({ message: text });
    const warning = first.warnings.message!;
    expect(warning).toMatchObject({
      code: "child",
      places: [{ reason: "nameAge", quote: "Emma (7 år)" }],
      confirmed: false,
    });
    const values = { name: "Kari", "confirm-message": warning.confirm };
    expect(confirmationsOf(values)).toEqual({ "confirm-message": warning.confirm });
    const again = screenFields({ message: `${text} Vi trenger råd.` }, confirmationsOf(values));
    expect(again.warnings.message?.confirmed).toBe(true);
    expect(again.confirmed).toEqual(["message"]);
    // Another child named since the warning: the old confirmation does not cover it.
    const other = screenFields({ message: `${text} Ola i 3B også.` }, confirmationsOf(values));
    expect(other.warnings.message?.confirmed).toBe(false);
    expect(other.confirmed).toEqual([]);
  });
});

describe("masking (the feedback widget)", () => {
  it("masks e-mail addresses, Norwegian phone numbers and national ids", () => {
    expect(maskPersonalData("skriv til ola.nordmann@kommune.no i dag").text).toBe(
      "skriv til [***] i dag",
    );
    expect(maskPersonalData("ring 477 99 200").text).toBe("ring [***]");
    expect(maskPersonalData("ring +47 23 30 12 00 nå").text).toBe("ring [***] nå");
    expect(maskPersonalData("ring 92345678").text).toBe("ring [***]");
    expect(maskPersonalData("fnr 010100 12356").text).toBe("fnr [***]");
    expect(maskPersonalData("fnr 010100 12356").found).toEqual(["nationalId"]);
  });

  it("leaves ordinary numbers alone", () => {
    const text = "38 kommuner i pulje 1 fra 2017, frist 01.06.17, org.nr. 974767880, kode 3301";
    expect(maskPersonalData(text)).toEqual({ text, found: [] });
    expect(maskPersonalData("12345678901").text).toBe("12345678901");
  });

  it("masks only what it is asked to", () => {
    expect(maskPersonalData("ola@kommune.no 01010012356", { nationalId: true }).text).toBe(
      "ola@kommune.no [***]",
    );
  });
});
