import { raw } from "hono/html";
import { Breadcrumbs } from "../../web/components/breadcrumbs";
import { Facts as FactList } from "../../web/components/facts";
import { ErrorSummary } from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { formView } from "../../web/form-errors";
import { formatDate, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { renderMarkdown } from "../../web/markdown";
import { relink, withPageParams } from "./form-parts";
import { AnswerSection } from "./municipality-answer";
import { ContactSection, StandardSection } from "./municipality-contacts";
import { History } from "./municipality-history";
import {
  day,
  type FormName,
  type InvitationPageProps,
  invitationPath,
  isStatus,
} from "./municipality-page-props";
import { municipalityErrors, municipalityTexts } from "./municipality-texts";
import { UnitsSection } from "./municipality-units";

/** The page of one invitation as the municipality (or the private unit) sees it. */

export function InvitationPage(props: InvitationPageProps) {
  const { lang, data } = props;
  const t = messages(lang);
  const m = municipalityTexts[lang];
  const base = invitationPath(props);
  const inv = data.invitation;

  // What the sentences name from the page: who answers, the deadline, who answered and when.
  const pageParams = {
    subject: m.subject[props.kind],
    deadline: formatDate(lang, inv.deadline),
    who: data.answeredByName ?? "",
    answeredOn: inv.answeredAt ? day(lang, inv.answeredAt) : "",
    declined: inv.state === "declined",
  };
  const view = (form: FormName, labels: Record<string, string>, idPrefix?: string) =>
    formView(lang, withPageParams(props.forms[form], pageParams), {
      labels,
      errors: municipalityErrors[lang],
      ...(idPrefix ? { idPrefix } : {}),
    });
  const views = {
    answer: view("answer", {
      answer: m.answerLegend,
      commitments: m.commitmentsLegend,
      reason: m.reasonLabel,
    }),
    units: view("units", { units: m.unitsHeading }),
    resource: view("resource", { name: m.contactName, email: m.contactEmail }, "resource"),
    pp: view("pp", { ppServiceId: m.ppService, name: m.contactName, email: m.contactEmail }, "pp"),
    standard: view("standard", { standard: m.wsLegend }),
  };
  const summary = relink(
    (["answer", "units", "resource", "pp", "standard"] as const).flatMap((f) => views[f].summary),
    {
      ...(isStatus(props.forms, "answer", "answer") ? { "#answer": "#answer-status" } : {}),
      ...(isStatus(props.forms, "units", "units") ? { "#units": "#units-status" } : {}),
    },
  );
  const sections = { ...props, views };
  const title = m.title(data.programme.title, data.cohort.number);
  const accepted = props.municipality?.accepted;
  return (
    <Layout lang={lang} title={title} path={base} hasErrors={summary.length > 0}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: "/puljer", text: m.myCohorts },
          { href: `/puljer/${data.cohort.id}`, text: m.cohortValue(data.cohort.number) },
          { href: base, text: data.inviteeName },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph lead">{m.invitationFor(data.inviteeName)}</p>
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <ErrorSummary t={t} items={summary} />
      {props.access === "view" ? <Notice color="info">{m.readOnly}</Notice> : null}

      <Facts {...props} />
      <Commitments {...props} />
      <AnswerSection {...sections} />
      {accepted ? (
        <>
          <UnitsSection {...sections} extras={accepted} />
          {(["resource", "pp"] as const).map((kind) => (
            <ContactSection {...sections} contactKind={kind} extras={accepted} />
          ))}
        </>
      ) : null}
      {props.municipality ? (
        <StandardSection {...sections} standard={props.municipality.standard} />
      ) : null}
      <History {...props} />
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(lang, `/puljer/${data.cohort.id}`)}>
          {m.cohortOverview}
        </a>
        {props.officeLink ? (
          <>
            {" · "}
            <a
              class="ds-link"
              href={localPath(lang, `/puljer/${data.cohort.id}/kontor/${data.invitation.officeId}`)}
            >
              {m.officePage}
            </a>
          </>
        ) : null}
      </p>
    </Layout>
  );
}

function Facts(props: InvitationPageProps) {
  const { lang, data } = props;
  const m = municipalityTexts[lang];
  const inv = data.invitation;
  return (
    <>
      <FactList
        heading={m.facts}
        facts={[
          { term: m.programme, value: data.programme.title },
          {
            term: m.cohort,
            value: (
              <>
                {m.cohortValue(data.cohort.number)},{" "}
                {m.periodValue(
                  formatDate(lang, data.cohort.startsOn),
                  formatDate(lang, data.cohort.endsOn),
                )}
              </>
            ),
          },
          { term: m.invitedBy, value: m.invitedOn(data.officeName, day(lang, inv.invitedAt)) },
          {
            term: m.deadline,
            value: m.deadlineValue(formatDate(lang, inv.deadline)),
            testId: "deadline",
          },
          { term: m.state, value: m.states[data.state], testId: "state" },
        ]}
      />
      {inv.message.trim() ? (
        <section aria-labelledby="message-heading" class="stack">
          <h2 class="ds-heading" data-size="sm" id="message-heading">
            {m.messageFrom(data.officeName)}
          </h2>
          <blockquote class="pre">{inv.message.trim()}</blockquote>
        </section>
      ) : null}
    </>
  );
}

function Commitments(props: InvitationPageProps) {
  const { lang, data } = props;
  const m = municipalityTexts[lang];
  const c = data.commitments;
  return (
    <section aria-labelledby="commitments-heading" class="stack" id="forpliktelser">
      <h2 class="ds-heading" data-size="md" id="commitments-heading">
        {m.commitmentsHeading}
      </h2>
      {c.items.length > 0 ? (
        <>
          <p class="ds-paragraph">{m.commitmentsLead}</p>
          <ul class="ds-list" lang={c.lang !== lang ? c.lang : undefined} id="commitments-list">
            {c.items.map((item) => (
              <li>{item}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="ds-paragraph">{m.noCommitments}</p>
      )}
      {data.terms.markdown.trim() ? (
        <section aria-labelledby="terms-heading">
          <h3 class="ds-heading" data-size="sm" id="terms-heading">
            {m.termsHeading}
          </h3>
          <div class="prose" lang={data.terms.lang !== lang ? data.terms.lang : undefined}>
            {raw(renderMarkdown(data.terms.markdown))}
          </div>
        </section>
      ) : null}
    </section>
  );
}
