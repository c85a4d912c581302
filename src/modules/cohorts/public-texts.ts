import { type Lang, pluralText } from "../../web/i18n";

/** What a programme's public page says of its cohorts (this module's section of it). */
const nb = {
  cohorts: "Puljer",
  cohortTitle: (n: number) => `Pulje ${n}`,
  cohortPeriod: (from: string, to: string) => `Fra ${from} til ${to}`,
  officeDeadline: (date: string) => `Embetene inviterer kommuner innen ${date}.`,
  municipalitiesOf: (office: string) => `Kommuner hos ${office}`,
  noMunicipalitiesYet: "Embetene har ikke meldt inn kommuner ennå.",
  invitedOffices: (n: number) =>
    pluralText("nb-NO", { one: "Invitert embete", other: "Inviterte embeter ({n})" }, n),
  municipalitiesInCohort: (n: number, cohort: number) =>
    pluralText(
      "nb-NO",
      { one: `{n} kommune i pulje ${cohort}`, other: `{n} kommuner i pulje ${cohort}` },
      n,
    ),
  unitsEnrolled: (n: number) =>
    pluralText(
      "nb-NO",
      {
        one: "{n} barnehage eller skole er meldt på",
        other: "{n} barnehager og skoler er meldt på",
      },
      n,
    ),
  byApplication: "Kommunene søker om å være med i denne puljen.",
  aboutApplication: "Les om søknaden og søknadsfristen",
};

export type PublicCohortTexts = typeof nb;

const nn: PublicCohortTexts = {
  cohorts: "Puljar",
  cohortTitle: (n: number) => `Pulje ${n}`,
  cohortPeriod: (from: string, to: string) => `Frå ${from} til ${to}`,
  officeDeadline: (date: string) => `Embeta inviterer kommunar innan ${date}.`,
  municipalitiesOf: (office: string) => `Kommunar hos ${office}`,
  noMunicipalitiesYet: "Embeta har ikkje meldt inn kommunar enno.",
  invitedOffices: (n: number) =>
    pluralText("nn-NO", { one: "Invitert embete", other: "Inviterte embete ({n})" }, n),
  municipalitiesInCohort: (n: number, cohort: number) =>
    pluralText(
      "nn-NO",
      { one: `{n} kommune i pulje ${cohort}`, other: `{n} kommunar i pulje ${cohort}` },
      n,
    ),
  unitsEnrolled: (n: number) =>
    pluralText(
      "nn-NO",
      {
        one: "{n} barnehage eller skule er meld på",
        other: "{n} barnehagar og skular er melde på",
      },
      n,
    ),
  byApplication: "Kommunane søkjer om å vere med i denne puljen.",
  aboutApplication: "Les om søknaden og søknadsfristen",
};

const en: PublicCohortTexts = {
  cohorts: "Cohorts",
  cohortTitle: (n: number) => `Cohort ${n}`,
  cohortPeriod: (from: string, to: string) => `From ${from} to ${to}`,
  officeDeadline: (date: string) => `The county governors invite municipalities by ${date}.`,
  municipalitiesOf: (office: string) => `Municipalities with ${office}`,
  noMunicipalitiesYet: "The offices have not reported municipalities yet.",
  invitedOffices: (n: number) =>
    pluralText("en-GB", { one: "Invited office", other: "Invited offices ({n})" }, n),
  municipalitiesInCohort: (n: number, cohort: number) =>
    pluralText(
      "en-GB",
      {
        one: `{n} municipality in cohort ${cohort}`,
        other: `{n} municipalities in cohort ${cohort}`,
      },
      n,
    ),
  unitsEnrolled: (n: number) =>
    pluralText(
      "en-GB",
      {
        one: "{n} kindergarten or school enrolled",
        other: "{n} kindergartens and schools enrolled",
      },
      n,
    ),
  byApplication: "Municipalities apply to join this cohort.",
  aboutApplication: "About the application and its deadline",
};

export const publicCohortTexts: Record<Lang, PublicCohortTexts> = { nb, nn, en };
