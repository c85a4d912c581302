import { raw } from "hono/html";
import { osloToday } from "../../kernel/clock";
import type { FieldErrors } from "../../kernel/forms";
import { DataTable } from "../../web/components/data-table";
import {
  Button,
  ButtonRow,
  DateField,
  ErrorSummary,
  errorText,
  Field,
  Select,
  ValidationMessage,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { PreviewSection } from "../../web/components/preview";
import { formatDate, type Lang, messages, pluralText } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import {
  type CohortEditView,
  type CohortForm,
  type CohortListItem,
  cohortLimits,
  GATHERING_KINDS,
} from "./admin";

/** The cohort admin's strings: the same keys in bokmål, nynorsk and English. */
const texts = {
  nb: {
    listTitle: (p: string) => `Puljer i «${p}»`,
    listLead:
      "Puljene i tilbudet og embetene som er invitert. Opprett en ny pulje for å invitere statsforvalterne.",
    none: "Tilbudet har ingen puljer ennå.",
    newCohort: "Ny pulje",
    programmes: "Tilbudssider",
    cohorts: "Puljer",
    colCohort: "Pulje",
    colPeriod: "Periode",
    colDeadlines: "Frister",
    colOffices: "Inviterte embeter",
    colOverview: "Oversikt",
    cohortName: (n: number) => `Pulje ${n}`,
    period: (from: string, to: string) => `${from} til ${to}`,
    officeDeadlineShort: (d: string) => `Embetene: ${d}`,
    answerDeadlineShort: (d: string) => `Kommunene: ${d}`,
    noOffices: "Ingen ennå",
    gatheringsCount: (n: number) =>
      n === 0
        ? ""
        : pluralText("nb-NO", { one: "1 planlagt samling", other: "{n} planlagte samlinger" }, n),
    overview: "Se oversikten",
    overviewOf: (n: number) => `over pulje ${n}`,
    edit: "Endre",
    editOf: (n: number) => `pulje ${n}`,
    created: (n: number) => `Pulje ${n} er opprettet. Embetene er invitert og får e-post.`,
    saved: (n: number) => `Endringene i pulje ${n} er lagret.`,
    savedInvited: (n: number, k: number) =>
      pluralText(
        "nb-NO",
        {
          one: `Endringene i pulje ${n} er lagret, og 1 embete til er invitert.`,
          other: `Endringene i pulje ${n} er lagret, og {n} embeter til er invitert.`,
        },
        k,
      ),
    newTitle: (p: string) => `Ny pulje i «${p}»`,
    editTitle: (n: number, p: string) => `Pulje ${n} i «${p}»`,
    number: "Nummer på puljen",
    numberHint: "Nummeret puljen har i tilbudet, for eksempel 4.",
    datesLegend: "Periode og frister",
    startsOn: "Startdato",
    endsOn: "Sluttdato",
    officeInviteDeadline: "Frist for embetene",
    officeInviteDeadlineHint: "Siste dag embetene kan invitere kommuner. Må være før startdatoen.",
    answerDeadline: "Svarfrist for kommunene",
    answerDeadlineHint:
      "Fristen kommunene får når embetet ikke setter en egen: etter fristen for embetene og senest på startdatoen.",
    reminderDaysBefore: "Påminnelse, antall dager før svarfristen",
    reminderHint:
      "Kommuner som ikke har svart, får en påminnelse så mange dager før fristen. 0 betyr ingen påminnelse.",
    officesLegend: "Embeter som inviteres",
    officesHint: (date: string) =>
      `Embetene slik de er på startdatoen, ${date}. Endrer du startdatoen, trykk «Forhåndsvis» for å få listen for den nye datoen.`,
    officesHintEdit:
      "Embeter som er invitert, blir stående. Kryss av for embeter som skal inviteres i tillegg; de får e-post når du lagrer.",
    invitedOn: (d: string) => `invitert ${d}`,
    invited: "invitert",
    termsLegend: "Vilkår for å delta",
    termsHint:
      "Skriv i Markdown: ## for overskrift, - for punktliste, [tekst](https://adresse) for lenke. Skript og lenker som ikke begynner med https://, mailto: eller tel: blir avvist.",
    termsNb: "Vilkår på bokmål",
    termsNn: "Vilkår på nynorsk",
    termsEn: "Vilkår på engelsk",
    gatheringsLegend: "Planlagte samlinger",
    gatheringsHint:
      "Fyll ut type, tittel og dato for hver samling, eller la raden stå tom. Tøm en rad for å fjerne samlingen.",
    gatheringRow: (n: number) => `Samling ${n}`,
    kind: "Type",
    kinds: { national: "Nasjonal samling", regional: "Regional samling" },
    choose: "Velg",
    gatheringTitle: "Tittel",
    gatheringDate: "Dato",
    preview: "Forhåndsvis",
    create: "Opprett puljen og inviter embetene",
    save: "Lagre endringene",
    previewTitle: "Forhåndsvisning av vilkårene",
    previewLead: "Slik blir vilkårene. Ingenting er lagret ennå.",
    previewEmpty: "Ingen tekst.",
    removed:
      "Noe i teksten er ikke tillatt: skript, stiler, innebygde elementer eller lenker som ikke virker. Det må tas bort før du lagrer.",
    errors: {
      number: "Skriv et helt tall fra 1 til 999 som nummer på puljen",
      numberTaken: "Tilbudet har allerede en pulje med dette nummeret. Velg et annet nummer.",
      date: (label: string) => `${label} må være en gyldig dato, for eksempel 1.8.2027`,
      endBeforeStart: "Sluttdatoen må være etter startdatoen",
      officeDeadlineAfterStart: "Fristen for embetene må være før startdatoen",
      answerBeforeOffice: "Svarfristen for kommunene må være etter fristen for embetene",
      answerAfterStart: "Svarfristen for kommunene kan ikke være etter startdatoen",
      inPast: (label: string) => `${label} kan ikke være en dag som har passert`,
      reminder: "Skriv et antall dager fra 0 til 30 for påminnelsen",
      script: (label: string) =>
        `${label} inneholder skript, stiler eller innebygde elementer. Ta dem bort.`,
      brokenLink: (label: string) =>
        `${label} har en lenke som ikke virker. En lenke må begynne med https://, mailto: eller tel:.`,
      officesRequired: "Velg minst ett embete å invitere",
      officeNotAtStart:
        "Et av embetene du valgte, finnes ikke på startdatoen. Velg blant embetene i listen.",
      invitedOfficeGone:
        "Et embete som er invitert, finnes ikke på denne startdatoen. Velg en annen startdato.",
      rowIncomplete: (n: number) => `Samling ${n}: fyll ut type, tittel og dato, eller tøm raden`,
      rowDate: (n: number) => `Samling ${n}: skriv en gyldig dato, for eksempel 15.9.2027`,
      rowOutside: (n: number) => `Samling ${n}: datoen må være i puljens periode`,
      rowMax: (n: number, max: number) => `Samling ${n}: tittelen kan ha høyst ${max} tegn`,
      chain: "Embetene kunne ikke inviteres: et av dem finnes ikke på startdatoen.",
      chainOther: "Puljen kunne ikke lagres. Last siden på nytt og prøv igjen.",
    },
  },
  nn: {
    listTitle: (p: string) => `Puljar i «${p}»`,
    listLead:
      "Puljane i tilbodet og embeta som er inviterte. Opprett ein ny pulje for å invitere statsforvaltarane.",
    none: "Tilbodet har ingen puljar enno.",
    newCohort: "Ny pulje",
    programmes: "Tilbodssider",
    cohorts: "Puljar",
    colCohort: "Pulje",
    colPeriod: "Periode",
    colDeadlines: "Fristar",
    colOffices: "Inviterte embete",
    colOverview: "Oversikt",
    cohortName: (n: number) => `Pulje ${n}`,
    period: (from: string, to: string) => `${from} til ${to}`,
    officeDeadlineShort: (d: string) => `Embeta: ${d}`,
    answerDeadlineShort: (d: string) => `Kommunane: ${d}`,
    noOffices: "Ingen enno",
    gatheringsCount: (n: number) =>
      n === 0
        ? ""
        : pluralText("nn-NO", { one: "1 planlagd samling", other: "{n} planlagde samlingar" }, n),
    overview: "Sjå oversikta",
    overviewOf: (n: number) => `over pulje ${n}`,
    edit: "Endre",
    editOf: (n: number) => `pulje ${n}`,
    created: (n: number) => `Pulje ${n} er oppretta. Embeta er inviterte og får e-post.`,
    saved: (n: number) => `Endringane i pulje ${n} er lagra.`,
    savedInvited: (n: number, k: number) =>
      pluralText(
        "nn-NO",
        {
          one: `Endringane i pulje ${n} er lagra, og 1 embete til er invitert.`,
          other: `Endringane i pulje ${n} er lagra, og {n} embete til er inviterte.`,
        },
        k,
      ),
    newTitle: (p: string) => `Ny pulje i «${p}»`,
    editTitle: (n: number, p: string) => `Pulje ${n} i «${p}»`,
    number: "Nummer på puljen",
    numberHint: "Nummeret puljen har i tilbodet, til dømes 4.",
    datesLegend: "Periode og fristar",
    startsOn: "Startdato",
    endsOn: "Sluttdato",
    officeInviteDeadline: "Frist for embeta",
    officeInviteDeadlineHint: "Siste dag embeta kan invitere kommunar. Må vere før startdatoen.",
    answerDeadline: "Svarfrist for kommunane",
    answerDeadlineHint:
      "Fristen kommunane får når embetet ikkje set ein eigen: etter fristen for embeta og seinast på startdatoen.",
    reminderDaysBefore: "Påminning, tal dagar før svarfristen",
    reminderHint:
      "Kommunar som ikkje har svart, får ei påminning så mange dagar før fristen. 0 tyder inga påminning.",
    officesLegend: "Embete som blir inviterte",
    officesHint: (date: string) =>
      `Embeta slik dei er på startdatoen, ${date}. Endrar du startdatoen, trykk «Førehandsvis» for å få lista for den nye datoen.`,
    officesHintEdit:
      "Embete som er inviterte, blir ståande. Kryss av for embete som skal inviterast i tillegg; dei får e-post når du lagrar.",
    invitedOn: (d: string) => `invitert ${d}`,
    invited: "invitert",
    termsLegend: "Vilkår for å vere med",
    termsHint:
      "Skriv i Markdown: ## for overskrift, - for punktliste, [tekst](https://adresse) for lenkje. Skript og lenkjer som ikkje byrjar med https://, mailto: eller tel: blir avviste.",
    termsNb: "Vilkår på bokmål",
    termsNn: "Vilkår på nynorsk",
    termsEn: "Vilkår på engelsk",
    gatheringsLegend: "Planlagde samlingar",
    gatheringsHint:
      "Fyll ut type, tittel og dato for kvar samling, eller la rada stå tom. Tøm ei rad for å fjerne samlinga.",
    gatheringRow: (n: number) => `Samling ${n}`,
    kind: "Type",
    kinds: { national: "Nasjonal samling", regional: "Regional samling" },
    choose: "Vel",
    gatheringTitle: "Tittel",
    gatheringDate: "Dato",
    preview: "Førehandsvis",
    create: "Opprett puljen og inviter embeta",
    save: "Lagre endringane",
    previewTitle: "Førehandsvising av vilkåra",
    previewLead: "Slik blir vilkåra. Ingenting er lagra enno.",
    previewEmpty: "Ingen tekst.",
    removed:
      "Noko i teksten er ikkje tillate: skript, stilar, innebygde element eller lenkjer som ikkje verkar. Det må takast bort før du lagrar.",
    errors: {
      number: "Skriv eit heilt tal frå 1 til 999 som nummer på puljen",
      numberTaken: "Tilbodet har alt ein pulje med dette nummeret. Vel eit anna nummer.",
      date: (label: string) => `${label} må vere ein gyldig dato, til dømes 1.8.2027`,
      endBeforeStart: "Sluttdatoen må vere etter startdatoen",
      officeDeadlineAfterStart: "Fristen for embeta må vere før startdatoen",
      answerBeforeOffice: "Svarfristen for kommunane må vere etter fristen for embeta",
      answerAfterStart: "Svarfristen for kommunane kan ikkje vere etter startdatoen",
      inPast: (label: string) => `${label} kan ikkje vere ein dag som har passert`,
      reminder: "Skriv eit tal dagar frå 0 til 30 for påminninga",
      script: (label: string) =>
        `${label} inneheld skript, stilar eller innebygde element. Ta dei bort.`,
      brokenLink: (label: string) =>
        `${label} har ei lenkje som ikkje verkar. Ei lenkje må byrje med https://, mailto: eller tel:.`,
      officesRequired: "Vel minst eitt embete å invitere",
      officeNotAtStart:
        "Eitt av embeta du valde, finst ikkje på startdatoen. Vel blant embeta i lista.",
      invitedOfficeGone:
        "Eit embete som er invitert, finst ikkje på denne startdatoen. Vel ein annan startdato.",
      rowIncomplete: (n: number) => `Samling ${n}: fyll ut type, tittel og dato, eller tøm rada`,
      rowDate: (n: number) => `Samling ${n}: skriv ein gyldig dato, til dømes 15.9.2027`,
      rowOutside: (n: number) => `Samling ${n}: datoen må vere i perioden til puljen`,
      rowMax: (n: number, max: number) => `Samling ${n}: tittelen kan ha høgst ${max} teikn`,
      chain: "Embeta kunne ikkje inviterast: eitt av dei finst ikkje på startdatoen.",
      chainOther: "Puljen kunne ikkje lagrast. Last sida på nytt og prøv igjen.",
    },
  },
  en: {
    listTitle: (p: string) => `Cohorts of “${p}”`,
    listLead:
      "The programme's cohorts and the county governors' offices invited. Create a new cohort to invite the offices.",
    none: "The programme has no cohorts yet.",
    newCohort: "New cohort",
    programmes: "Programme pages",
    cohorts: "Cohorts",
    colCohort: "Cohort",
    colPeriod: "Period",
    colDeadlines: "Deadlines",
    colOffices: "Offices invited",
    colOverview: "Overview",
    cohortName: (n: number) => `Cohort ${n}`,
    period: (from: string, to: string) => `${from} to ${to}`,
    officeDeadlineShort: (d: string) => `Offices: ${d}`,
    answerDeadlineShort: (d: string) => `Municipalities: ${d}`,
    noOffices: "None yet",
    gatheringsCount: (n: number) =>
      n === 0
        ? ""
        : pluralText("en-GB", { one: "1 planned gathering", other: "{n} planned gatherings" }, n),
    overview: "See the overview",
    overviewOf: (n: number) => `of cohort ${n}`,
    edit: "Edit",
    editOf: (n: number) => `cohort ${n}`,
    created: (n: number) => `Cohort ${n} is created. The offices are invited and get an email.`,
    saved: (n: number) => `The changes to cohort ${n} are saved.`,
    savedInvited: (n: number, k: number) =>
      pluralText(
        "en-GB",
        {
          one: `The changes to cohort ${n} are saved, and 1 more office is invited.`,
          other: `The changes to cohort ${n} are saved, and {n} more offices are invited.`,
        },
        k,
      ),
    newTitle: (p: string) => `New cohort of “${p}”`,
    editTitle: (n: number, p: string) => `Cohort ${n} of “${p}”`,
    number: "Cohort number",
    numberHint: "The cohort's number in the programme, such as 4.",
    datesLegend: "Period and deadlines",
    startsOn: "Start date",
    endsOn: "End date",
    officeInviteDeadline: "Deadline for the offices",
    officeInviteDeadlineHint:
      "The last day the offices can invite municipalities. Must be before the start date.",
    answerDeadline: "Answer deadline for municipalities",
    answerDeadlineHint:
      "The deadline municipalities get when the office sets none: after the offices' deadline and no later than the start date.",
    reminderDaysBefore: "Reminder, days before the answer deadline",
    reminderHint:
      "Municipalities that have not answered get a reminder this many days before the deadline. 0 means no reminder.",
    officesLegend: "Offices to invite",
    officesHint: (date: string) =>
      `The offices as they are on the start date, ${date}. If you change the start date, press “Preview” to get the list for the new date.`,
    officesHintEdit:
      "Offices already invited stay. Tick further offices to invite; they get an email when you save.",
    invitedOn: (d: string) => `invited ${d}`,
    invited: "invited",
    termsLegend: "Terms of taking part",
    termsHint:
      "Write in Markdown: ## for a heading, - for a bullet list, [text](https://address) for a link. Scripts and links that do not start with https://, mailto: or tel: are refused.",
    termsNb: "Terms in Bokmål",
    termsNn: "Terms in Nynorsk",
    termsEn: "Terms in English",
    gatheringsLegend: "Planned gatherings",
    gatheringsHint:
      "Fill in the kind, title and date of each gathering, or leave the row empty. Empty a row to remove its gathering.",
    gatheringRow: (n: number) => `Gathering ${n}`,
    kind: "Kind",
    kinds: { national: "National gathering", regional: "Regional gathering" },
    choose: "Choose",
    gatheringTitle: "Title",
    gatheringDate: "Date",
    preview: "Preview",
    create: "Create the cohort and invite the offices",
    save: "Save the changes",
    previewTitle: "Preview of the terms",
    previewLead: "This is how the terms will look. Nothing is saved yet.",
    previewEmpty: "No text.",
    removed:
      "Something in the text is not allowed: scripts, styles, embedded elements or links that do not work. Remove it before you save.",
    errors: {
      number: "Enter a whole number from 1 to 999 as the cohort number",
      numberTaken: "The programme already has a cohort with this number. Choose another number.",
      date: (label: string) => `${label} must be a valid date, such as 1.8.2027`,
      endBeforeStart: "The end date must be after the start date",
      officeDeadlineAfterStart: "The offices' deadline must be before the start date",
      answerBeforeOffice: "The municipalities' answer deadline must be after the offices' deadline",
      answerAfterStart: "The municipalities' answer deadline cannot be after the start date",
      inPast: (label: string) => `${label} cannot be a day that has passed`,
      reminder: "Enter a number of days from 0 to 30 for the reminder",
      script: (label: string) =>
        `${label} contains scripts, styles or embedded elements. Remove them.`,
      brokenLink: (label: string) =>
        `${label} has a link that does not work. A link must start with https://, mailto: or tel:.`,
      officesRequired: "Choose at least one office to invite",
      officeNotAtStart:
        "One of the offices you chose does not exist on the start date. Choose from the offices in the list.",
      invitedOfficeGone:
        "An office already invited does not exist on this start date. Choose another start date.",
      rowIncomplete: (n: number) =>
        `Gathering ${n}: fill in the kind, title and date, or empty the row`,
      rowDate: (n: number) => `Gathering ${n}: enter a valid date, such as 15.9.2027`,
      rowOutside: (n: number) => `Gathering ${n}: the date must be within the cohort's period`,
      rowMax: (n: number, max: number) =>
        `Gathering ${n}: the title can have at most ${max} characters`,
      chain: "The offices could not be invited: one of them does not exist on the start date.",
      chainOther: "The cohort could not be saved. Reload the page and try again.",
    },
  },
} satisfies Record<Lang, unknown>;

type Texts = (typeof texts)["nb"];
const cohortTexts = (lang: Lang): Texts => texts[lang];

function Breadcrumbs(props: {
  lang: Lang;
  slug: string;
  title: string;
  current?: { href: string; text: string } | undefined;
}) {
  const t = messages(props.lang);
  const c = cohortTexts(props.lang);
  const base = `/admin/tilbud/${props.slug}`;
  const items = [
    { href: "/admin/tilbud", text: c.programmes },
    { href: base, text: props.title },
    { href: `${base}/puljer`, text: c.cohorts },
    ...(props.current ? [props.current] : []),
  ];
  return (
    <nav aria-label={t.site.breadcrumbs} class="ds-breadcrumbs">
      <ol>
        {items.map((item, i) => (
          <li>
            <a
              class="ds-link"
              href={localPath(props.lang, item.href)}
              aria-current={i === items.length - 1 ? "page" : undefined}
            >
              {item.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function CohortListPage(props: {
  lang: Lang;
  slug: string;
  title: string;
  cohorts: CohortListItem[];
  message?: string | undefined;
}) {
  const c = cohortTexts(props.lang);
  const base = `/admin/tilbud/${props.slug}/puljer`;
  const date = (d: string) => formatDate(props.lang, d);
  return (
    <Layout lang={props.lang} title={c.listTitle(props.title)} path={base}>
      <Breadcrumbs lang={props.lang} slug={props.slug} title={props.title} />
      <h1 class="ds-heading" data-size="xl">
        {c.listTitle(props.title)}
      </h1>
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <p class="ds-paragraph lead">{c.listLead}</p>
      <p class="ds-paragraph">
        <a class="ds-button" data-variant="primary" href={localPath(props.lang, `${base}/ny`)}>
          {c.newCohort}
        </a>
      </p>
      {props.cohorts.length === 0 ? <p class="ds-paragraph">{c.none}</p> : null}
      {props.cohorts.length > 0 ? (
        <DataTable
          label={c.cohorts}
          columns={[c.colCohort, c.colPeriod, c.colDeadlines, c.colOffices, c.colOverview]}
        >
          {props.cohorts.map((cohort) => (
            <tr>
              <td>
                <a class="ds-link" href={localPath(props.lang, `${base}/${cohort.number}`)}>
                  {c.cohortName(cohort.number)}
                </a>
                {cohort.gatherings > 0 ? (
                  <>
                    <br />
                    <span class="subtle">{c.gatheringsCount(cohort.gatherings)}</span>
                  </>
                ) : null}
              </td>
              <td>{c.period(date(cohort.startsOn), date(cohort.endsOn))}</td>
              <td>
                {cohort.officeInviteDeadline
                  ? c.officeDeadlineShort(date(cohort.officeInviteDeadline))
                  : null}
                {cohort.officeInviteDeadline && cohort.answerDeadline ? <br /> : null}
                {cohort.answerDeadline ? c.answerDeadlineShort(date(cohort.answerDeadline)) : null}
              </td>
              <td>
                {cohort.offices.length === 0
                  ? c.noOffices
                  : cohort.offices.map((o) => o.name).join(", ")}
              </td>
              <td>
                <a class="ds-link" href={localPath(props.lang, `/puljer/${cohort.id}`)}>
                  {c.overview}
                  <span class="ds-sr-only"> {c.overviewOf(cohort.number)}</span>
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </Layout>
  );
}

export type CohortFormProps = {
  lang: Lang;
  slug: string;
  title: string;
  /** The cohort being edited; absent on the create page. */
  existing?: CohortEditView | undefined;
  form: CohortForm;
  errors: FieldErrors;
  /** The offices that exist on the start date, for the checkboxes. */
  offices: { id: string; name: string }[];
  officesOn: string;
  preview?: { lang: Lang; html: string; removed: boolean }[] | undefined;
};

/** The error sentence for a field of the cohort form. */
function fieldError(lang: Lang, key: string, errors: FieldErrors): string | undefined {
  const error = errors[key];
  if (!error) return undefined;
  const t = messages(lang);
  const c = cohortTexts(lang);
  const e = c.errors;
  const row = /^g([0-9]+)$/.exec(key);
  if (row) {
    const n = Number(row[1]) + 1;
    switch (error.code) {
      case "date":
        return e.rowDate(n);
      case "outsidePeriod":
        return e.rowOutside(n);
      case "max":
        return e.rowMax(n, error.max ?? cohortLimits.gatheringTitle);
      default:
        return e.rowIncomplete(n);
    }
  }
  const labels: Record<string, string> = {
    number: c.number,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    officeInviteDeadline: c.officeInviteDeadline,
    answerDeadline: c.answerDeadline,
    reminderDaysBefore: c.reminderDaysBefore,
    termsNb: c.termsNb,
    termsNn: c.termsNn,
    termsEn: c.termsEn,
    offices: c.officesLegend,
  };
  const label = labels[key] ?? key;
  switch (error.code) {
    case "number":
    case "numberTaken":
    case "endBeforeStart":
    case "officeDeadlineAfterStart":
    case "answerBeforeOffice":
    case "answerAfterStart":
    case "reminder":
    case "officesRequired":
    case "officeNotAtStart":
    case "invitedOfficeGone":
      return e[error.code];
    case "date":
    case "inPast":
    case "script":
    case "brokenLink":
      return e[error.code](label);
    default:
      if (error.code.startsWith("chain.")) {
        return error.code === "chain.outsideCoverage" ? e.chain : e.chainOther;
      }
      return errorText(t, label, error);
  }
}

export function CohortFormPage(props: CohortFormProps) {
  const t = messages(props.lang);
  const c = cohortTexts(props.lang);
  const existing = props.existing;
  const base = `/admin/tilbud/${props.slug}/puljer`;
  const path = existing ? `${base}/${existing.cohort.number}` : `${base}/ny`;
  const heading = existing
    ? c.editTitle(existing.cohort.number, props.title)
    : c.newTitle(props.title);
  const v = props.form.values;
  const err = (key: string) => fieldError(props.lang, key, props.errors);

  // Rows as typed, then blank ones up to the number offered.
  const rows = [...props.form.gatherings];
  const blank = (r: (typeof rows)[number]) => !r.id && !r.kind && !r.title && !r.date;
  let trailing = 0;
  for (let i = rows.length - 1; i >= 0 && blank(rows[i]!); i--) trailing++;
  for (; trailing < cohortLimits.blankGatheringRows; trailing++) {
    rows.push({ id: "", kind: "", title: "", date: "" });
  }

  const invited = new Map((existing?.offices ?? []).map((o) => [o.id, o]));
  const choosable = props.offices.filter((o) => !invited.has(o.id));
  const firstOffice = existing?.offices[0]?.id ?? props.offices[0]?.id;
  const order: string[] = [
    "number",
    "startsOn",
    "endsOn",
    "officeInviteDeadline",
    "answerDeadline",
    "reminderDaysBefore",
    "offices",
    "termsNb",
    "termsNn",
    "termsEn",
    ...rows.map((_, i) => `g${i}`),
    "form",
  ];
  const href = (key: string) =>
    key === "offices"
      ? `#office-${choosable[0]?.id ?? firstOffice ?? ""}`
      : /^g[0-9]+$/.test(key)
        ? `#${key}-kind`
        : key === "form"
          ? "#cohort-form"
          : `#${key}`;
  const summary = order.flatMap((key) => {
    const text = err(key);
    return text ? [{ href: href(key), text }] : [];
  });

  return (
    <Layout lang={props.lang} title={heading} path={path} hasErrors={summary.length > 0}>
      <Breadcrumbs
        lang={props.lang}
        slug={props.slug}
        title={props.title}
        current={{
          href: path,
          text: existing ? c.cohortName(existing.cohort.number) : c.newCohort,
        }}
      />
      <h1 class="ds-heading" data-size="xl">
        {heading}
      </h1>
      <ErrorSummary t={t} items={summary} />
      {existing ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={localPath(props.lang, `/puljer/${existing.cohort.id}`)}>
            {c.overview}
            <span class="ds-sr-only"> {c.overviewOf(existing.cohort.number)}</span>
          </a>
        </p>
      ) : null}
      <form
        method="post"
        action={localPath(props.lang, path)}
        novalidate
        class="stack"
        id="cohort-form"
      >
        {existing ? null : (
          <Field
            t={t}
            name="number"
            label={c.number}
            hint={c.numberHint}
            maxLength={3}
            value={v.number}
            error={err("number")}
          />
        )}
        <fieldset class="ds-fieldset stack">
          <legend class="ds-label">{c.datesLegend}</legend>
          {(["startsOn", "endsOn"] as const).map((name) => (
            <DateField
              t={t}
              class="date-input"
              name={name}
              label={c[name]}
              value={v[name]}
              error={err(name)}
            />
          ))}
          <DateField
            t={t}
            class="date-input"
            name="officeInviteDeadline"
            label={c.officeInviteDeadline}
            hint={c.officeInviteDeadlineHint}
            value={v.officeInviteDeadline}
            error={err("officeInviteDeadline")}
          />
          <DateField
            t={t}
            class="date-input"
            name="answerDeadline"
            label={c.answerDeadline}
            hint={c.answerDeadlineHint}
            value={v.answerDeadline}
            error={err("answerDeadline")}
          />
          <Field
            t={t}
            name="reminderDaysBefore"
            label={c.reminderDaysBefore}
            hint={c.reminderHint}
            maxLength={2}
            value={v.reminderDaysBefore}
            error={err("reminderDaysBefore")}
          />
        </fieldset>

        <fieldset
          class="ds-fieldset"
          aria-describedby={[err("offices") ? "offices-error" : "", "offices-hint"]
            .filter(Boolean)
            .join(" ")}
        >
          <legend class="ds-label">{c.officesLegend}</legend>
          <p data-field="description" id="offices-hint">
            {existing ? c.officesHintEdit : c.officesHint(formatDate(props.lang, props.officesOn))}
          </p>
          <ValidationMessage t={t} id="offices-error" text={err("offices")} />
          {existing?.offices.map((o) => (
            <div class="ds-field">
              <input class="ds-input" type="checkbox" id={`office-${o.id}`} checked disabled />
              <label class="ds-label" for={`office-${o.id}`} data-weight="regular">
                {o.name} (
                {o.invitedAt
                  ? c.invitedOn(formatDate(props.lang, osloToday(o.invitedAt)))
                  : c.invited}
                )
              </label>
            </div>
          ))}
          {choosable.map((o) => (
            <div class="ds-field">
              <input
                class="ds-input"
                type="checkbox"
                id={`office-${o.id}`}
                name={`office-${o.id}`}
                value="yes"
                checked={props.form.offices.includes(o.id)}
                aria-invalid={err("offices") ? "true" : undefined}
              />
              <label class="ds-label" for={`office-${o.id}`} data-weight="regular">
                {o.name}
              </label>
            </div>
          ))}
        </fieldset>

        <fieldset class="ds-fieldset stack" aria-describedby="terms-hint">
          <legend class="ds-label">{c.termsLegend}</legend>
          <p data-field="description" id="terms-hint">
            {c.termsHint}
          </p>
          {(["termsNb", "termsNn", "termsEn"] as const).map((name) => (
            <Field
              t={t}
              name={name}
              label={c[name]}
              required={name === "termsEn" ? false : undefined}
              multiline
              rows={8}
              maxLength={cohortLimits.terms}
              value={v[name]}
              error={err(name)}
            />
          ))}
        </fieldset>

        <fieldset class="ds-fieldset stack" aria-describedby="gatherings-hint">
          <legend class="ds-label">{c.gatheringsLegend}</legend>
          <p data-field="description" id="gatherings-hint">
            {c.gatheringsHint}
          </p>
          {rows.map((row, i) => {
            const rowError = err(`g${i}`);
            return (
              <fieldset
                class="ds-fieldset gathering-row"
                aria-describedby={rowError ? `g${i}-error` : undefined}
              >
                <legend class="ds-label">{c.gatheringRow(i + 1)}</legend>
                <ValidationMessage t={t} id={`g${i}-error`} text={rowError} />
                {row.id ? <input type="hidden" name={`g${i}-id`} value={row.id} /> : null}
                <Select
                  t={t}
                  name={`g${i}-kind`}
                  label={c.kind}
                  value={row.kind}
                  placeholder={c.choose}
                  options={GATHERING_KINDS.map((k) => ({ value: k, label: c.kinds[k] }))}
                />
                <Field
                  t={t}
                  name={`g${i}-title`}
                  label={c.gatheringTitle}
                  maxLength={cohortLimits.gatheringTitle}
                  value={row.title}
                />
                <DateField
                  t={t}
                  class="date-input"
                  name={`g${i}-date`}
                  label={c.gatheringDate}
                  value={row.date}
                  error={undefined}
                />
              </fieldset>
            );
          })}
        </fieldset>

        <ButtonRow>
          <Button variant="secondary" name="intent" value="preview">
            {c.preview}
          </Button>
          <Button name="intent" value="save">
            {existing ? c.save : c.create}
          </Button>
        </ButtonRow>
      </form>

      {props.preview ? (
        <PreviewSection
          title={c.previewTitle}
          lead={c.previewLead}
          warning={props.preview.some((p) => p.removed) ? c.removed : undefined}
        >
          {props.preview.map((p) => (
            <section aria-labelledby={`preview-${p.lang}`} class="stack">
              <h3 class="ds-heading" data-size="sm" id={`preview-${p.lang}`}>
                {c[p.lang === "nb" ? "termsNb" : p.lang === "nn" ? "termsNn" : "termsEn"]}
              </h3>
              <div class="prose" lang={p.lang !== props.lang ? p.lang : undefined}>
                {p.html ? raw(p.html) : <p class="ds-paragraph">{c.previewEmpty}</p>}
              </div>
            </section>
          ))}
        </PreviewSection>
      ) : null}
    </Layout>
  );
}

/** The success sentence for the list page, from the query string the redirect set. */
export function listMessage(
  lang: Lang,
  query: { created?: string | undefined; saved?: string | undefined; invited?: string | undefined },
): string | undefined {
  const c = cohortTexts(lang);
  const n = (s: string | undefined) => (s && /^[0-9]{1,3}$/.test(s) ? Number(s) : null);
  const created = n(query.created);
  if (created !== null) return c.created(created);
  const saved = n(query.saved);
  if (saved === null) return undefined;
  const invited = n(query.invited) ?? 0;
  return invited > 0 ? c.savedInvited(saved, invited) : c.saved(saved);
}
