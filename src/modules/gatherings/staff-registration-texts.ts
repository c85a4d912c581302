import type { ErrorCatalogues } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";

/** A unit leader's page for registering the unit's staff for a gathering. */
type StaffTexts = {
  link: string;
  title: (gathering: string) => string;
  heading: string;
  lead: string;
  staffLegend: string;
  staffHint: string;
  register: string;
  registeredNotice: (confirmed: number, waiting: number) => string;
  fullNote: string;
  closedNote: string;
  noneToRegister: string;
  registeredHeading: string;
  notAdmittedHeading: string;
  notAdmittedLead: string;
  name: string;
  status: string;
  roles: Record<string, string>;
  backToGathering: string;
  backToList: string;
};

const plural = (lang: Lang) => new Intl.PluralRules(lang === "en" ? "en" : "nb");

const nb: StaffTexts = {
  link: "Meld på ansatte ved enheten din",
  title: (g) => `Meld på ansatte: ${g}`,
  heading: "Meld på ansatte",
  lead: "Velg hvem ved enheten din som skal delta. Hver av dem får en e-post med bekreftelsen.",
  staffLegend: "Ansatte ved enheten",
  staffHint: "Bare de samlingen er åpen for, og som ikke er påmeldt ennå, står her.",
  register: "Meld på",
  registeredNotice: (confirmed, waiting) =>
    [
      confirmed > 0
        ? plural("nb").select(confirmed) === "one"
          ? "1 ansatt har fått plass."
          : `${confirmed} ansatte har fått plass.`
        : "",
      waiting > 0
        ? plural("nb").select(waiting) === "one"
          ? "1 ansatt står på venteliste."
          : `${waiting} ansatte står på venteliste.`
        : "",
    ]
      .filter((s) => s !== "")
      .join(" "),
  fullNote:
    "Samlingen er full. De du melder på nå, kommer på venteliste i den rekkefølgen du velger dem.",
  closedNote: "Påmeldingen til denne samlingen er ikke åpen nå.",
  noneToRegister: "Det er ingen flere ved enheten din som kan meldes på denne samlingen.",
  registeredHeading: "Påmeldt fra enheten din",
  notAdmittedHeading: "Samlingen er ikke åpen for",
  notAdmittedLead:
    "Arrangøren har bestemt hvem som kan melde seg på. Disse ved enheten din er ikke med:",
  name: "Navn",
  status: "Påmelding",
  roles: { staff: "Ansatt", "unit-leader": "Leder" },
  backToGathering: "Til samlingen",
  backToList: "Samlinger",
};

const nn: StaffTexts = {
  link: "Meld på tilsette ved eininga di",
  title: (g) => `Meld på tilsette: ${g}`,
  heading: "Meld på tilsette",
  lead: "Vel kven ved eininga di som skal delta. Kvar av dei får ein e-post med stadfestinga.",
  staffLegend: "Tilsette ved eininga",
  staffHint: "Berre dei samlinga er open for, og som ikkje er påmelde enno, står her.",
  register: "Meld på",
  registeredNotice: (confirmed, waiting) =>
    [
      confirmed > 0
        ? plural("nn").select(confirmed) === "one"
          ? "1 tilsett har fått plass."
          : `${confirmed} tilsette har fått plass.`
        : "",
      waiting > 0
        ? plural("nn").select(waiting) === "one"
          ? "1 tilsett står på venteliste."
          : `${waiting} tilsette står på venteliste.`
        : "",
    ]
      .filter((s) => s !== "")
      .join(" "),
  fullNote:
    "Samlinga er full. Dei du melder på no, kjem på venteliste i den rekkjefølgja du vel dei.",
  closedNote: "Påmeldinga til denne samlinga er ikkje open no.",
  noneToRegister: "Det er ingen fleire ved eininga di som kan meldast på denne samlinga.",
  registeredHeading: "Påmelde frå eininga di",
  notAdmittedHeading: "Samlinga er ikkje open for",
  notAdmittedLead:
    "Arrangøren har bestemt kven som kan melde seg på. Desse ved eininga di er ikkje med:",
  name: "Namn",
  status: "Påmelding",
  roles: { staff: "Tilsett", "unit-leader": "Leiar" },
  backToGathering: "Til samlinga",
  backToList: "Samlingar",
};

const en: StaffTexts = {
  link: "Register staff of your unit",
  title: (g) => `Register staff: ${g}`,
  heading: "Register staff",
  lead: "Choose who at your unit will take part. Each of them gets an e-mail with the confirmation.",
  staffLegend: "Staff of the unit",
  staffHint: "Only those the gathering is open to, and who are not registered yet, are listed.",
  register: "Register",
  registeredNotice: (confirmed, waiting) =>
    [
      confirmed > 0
        ? plural("en").select(confirmed) === "one"
          ? "1 member of staff has a seat."
          : `${confirmed} members of staff have a seat.`
        : "",
      waiting > 0
        ? plural("en").select(waiting) === "one"
          ? "1 member of staff is on the waiting list."
          : `${waiting} members of staff are on the waiting list.`
        : "",
    ]
      .filter((s) => s !== "")
      .join(" "),
  fullNote:
    "The gathering is full. Those you register now go on the waiting list in the order you choose them.",
  closedNote: "Registration for this gathering is not open now.",
  noneToRegister: "There is nobody else at your unit who can be registered for this gathering.",
  registeredHeading: "Registered from your unit",
  notAdmittedHeading: "The gathering is not open to",
  notAdmittedLead:
    "The organiser decides who may register. These people at your unit are not included:",
  name: "Name",
  status: "Registration",
  roles: { staff: "Staff", "unit-leader": "Leader" },
  backToGathering: "To the gathering",
  backToList: "Gatherings",
};

export const staffTexts: Record<Lang, StaffTexts> = { nb, nn, en };

type Code = "noneChosen" | "notInUnit" | "staffAlready" | "staffNotAdmitted" | "staffRefused";

const s = (v: string | number | boolean | undefined) => String(v ?? "");

export const staffErrors: ErrorCatalogues<Code> = {
  nb: {
    noneChosen: "Velg minst én ansatt som skal meldes på",
    notInUnit: "Du kan bare melde på dem som arbeider ved enheten din",
    staffAlready: (e) => `${s(e.params.name)} er allerede påmeldt`,
    staffNotAdmitted: (e) => `Samlingen er ikke åpen for ${s(e.params.name)}`,
    staffRefused: (e) =>
      `${s(e.params.name)} kunne ikke meldes på. De som står som påmeldt under, er påmeldt`,
  },
  nn: {
    noneChosen: "Vel minst éin tilsett som skal meldast på",
    notInUnit: "Du kan berre melde på dei som arbeider ved eininga di",
    staffAlready: (e) => `${s(e.params.name)} er allereie påmeld`,
    staffNotAdmitted: (e) => `Samlinga er ikkje open for ${s(e.params.name)}`,
    staffRefused: (e) =>
      `${s(e.params.name)} kunne ikkje meldast på. Dei som står som påmelde under, er påmelde`,
  },
  en: {
    noneChosen: "Choose at least one member of staff to register",
    notInUnit: "You can only register people who work at your unit",
    staffAlready: (e) => `${s(e.params.name)} is already registered`,
    staffNotAdmitted: (e) => `The gathering is not open to ${s(e.params.name)}`,
    staffRefused: (e) =>
      `${s(e.params.name)} could not be registered. Those listed as registered below are registered`,
  },
};
