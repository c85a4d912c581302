import { osloToday } from "../../kernel/clock";
import { FILE_KINDS } from "../../kernel/storage";
import { Breadcrumbs } from "../../web/components/breadcrumbs";
import { DataTable } from "../../web/components/data-table";
import { Facts } from "../../web/components/facts";
import {
  Button,
  ButtonRow,
  ErrorSummary,
  Field,
  FileField,
  RadioGroup,
  Select,
  SubmitRow,
  ValidationMessage,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { formatDate, formatFileSize, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { adminPath, TravelTotals } from "./admin-views";
import { formatAccountNumber, formatKroner } from "./money";
import { TRANSPORT_MEANS } from "./schema";
import { grantTexts } from "./texts";
import {
  type Claimable,
  type Leg,
  legField,
  type Receipt,
  type TravelClaim,
  type TravelFigures,
  travelLimits,
} from "./travel";
import { travelErrors, travelTexts } from "./travel-texts";

export const travelPath = (lang: Lang, rest = "") => localPath(lang, `/reisestotte${rest}`);
export const claimAdminPath = (lang: Lang, cohortId: number, rest = "") =>
  `${adminPath(lang, cohortId)}/reisekrav${rest}`;

const gatheringTitle = (lang: Lang, g: { titleNb: string; titleNn: string }) =>
  lang === "nn" ? g.titleNn : g.titleNb;

export type ClaimableRow = Claimable & { name: string };

/** The participant's (and the coordinator's) list: gatherings to claim for, and the claims. */
export function TravelPage(props: {
  lang: Lang;
  /** Whether to link to the figures per county and municipality. */
  figures: boolean;
  own: ClaimableRow[];
  municipality: ClaimableRow[] | null;
  claims: (TravelClaim & { gathering: string; name: string })[];
}) {
  const { lang } = props;
  const tt = travelTexts(lang);
  const claimLink = (r: ClaimableRow, own: boolean) => {
    if (r.claim) return tt.states[r.claim.state];
    if (!r.scheme?.purposes.includes("travel") || r.scheme.travelCeilingOre === null) {
      return tt.noTravel;
    }
    const g = gatheringTitle(lang, r);
    return (
      <a
        class="ds-link"
        href={travelPath(lang, `/ny?samling=${r.gatheringId}&deltaker=${r.personId}`)}
      >
        {tt.claim}
        <span class="ds-sr-only"> {own ? tt.claimOwn(g) : tt.claimFor(r.name, g)}</span>
      </a>
    );
  };
  return (
    <Layout lang={lang} title={tt.title} path="/reisestotte">
      <h1 class="ds-heading" data-size="xl">
        {tt.title}
      </h1>
      <p class="ds-paragraph lead">{tt.lead}</p>
      {props.figures ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={localPath(lang, "/admin/tilskudd/reisestotte")}>
            {tt.figuresTitle}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="attended-heading">
        <h2 class="ds-heading" data-size="md" id="attended-heading">
          {tt.attendedHeading}
        </h2>
        {props.own.length === 0 ? (
          <p class="ds-paragraph">{tt.none}</p>
        ) : (
          <DataTable label={tt.attendedHeading} columns={[tt.gathering, tt.date, tt.claim]}>
            {props.own.map((r) => (
              <tr>
                <td>{gatheringTitle(lang, r)}</td>
                <td>{formatDate(lang, osloToday(r.startsAt))}</td>
                <td>{claimLink(r, true)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {props.municipality ? (
        <section aria-labelledby="municipality-heading">
          <h2 class="ds-heading" data-size="md" id="municipality-heading">
            {tt.municipalityHeading}
          </h2>
          {props.municipality.length === 0 ? (
            <p class="ds-paragraph">{tt.none}</p>
          ) : (
            <DataTable
              label={tt.municipalityHeading}
              columns={[tt.participant, tt.gathering, tt.date, tt.claim]}
            >
              {props.municipality.map((r) => (
                <tr>
                  <td>{r.name}</td>
                  <td>{gatheringTitle(lang, r)}</td>
                  <td>{formatDate(lang, osloToday(r.startsAt))}</td>
                  <td>{claimLink(r, false)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ) : null}
      <section aria-labelledby="claims-heading">
        <h2 class="ds-heading" data-size="md" id="claims-heading">
          {tt.claimsHeading}
        </h2>
        {props.claims.length === 0 ? (
          <p class="ds-paragraph">{tt.noClaims}</p>
        ) : (
          <DataTable
            label={tt.claimsHeading}
            columns={[tt.gathering, tt.participant, tt.amount, tt.state]}
          >
            {props.claims.map((c) => (
              <tr>
                <td>
                  <a class="ds-link" href={travelPath(lang, `/${c.id}`)}>
                    {c.gathering}
                  </a>
                </td>
                <td>{c.name}</td>
                <td class="number">{formatKroner(lang, c.amountOre)}</td>
                <td>{tt.states[c.state]}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </Layout>
  );
}

/** The claim form, for oneself or (a coordinator) for a participant of the municipality. */
export function ClaimFormPage(props: {
  lang: Lang;
  gatheringId: number;
  personId: number;
  gathering: string;
  ceilingOre: number;
  /** Set when claiming for someone else. */
  forName: string | null;
  /** How many leg rows the form shows (the "add a leg" button sends one more). */
  rows: number;
  /** The journey's total as the server summed the legs given, once there is one. */
  totalOre: number | null;
  form?: FormState;
  /** 422 when the form was refused; a re-render after "add a leg" has no errors. */
}) {
  const { lang } = props;
  const t = messages(lang);
  const tt = travelTexts(lang);
  const rows = Array.from({ length: props.rows }, (_, i) => i + 1);
  const legLabels: Record<string, string> = {};
  for (const n of rows) {
    legLabels[legField("from", n)] = tt.legLabel(n, tt.from);
    legLabels[legField("to", n)] = tt.legLabel(n, tt.to);
    legLabels[legField("means", n)] = tt.legLabel(n, tt.means);
    legLabels[legField("distance", n)] = tt.legLabel(n, tt.distance);
    legLabels[legField("amount", n)] = tt.legLabel(n, tt.amount);
  }
  const f = formView(lang, props.form ?? { values: {}, errors: {} }, {
    labels: {
      gathering: tt.gathering,
      legs: tt.legsHeading,
      ...legLabels,
      total: tt.total,
      accountNumber: tt.accountNumber,
      receipts: tt.receipts,
    },
    errors: travelErrors[lang],
    idPrefix: "claim",
  });
  const receipts = f.bind("receipts");
  const size = formatFileSize(lang, travelLimits.bytes);
  const types = travelLimits.types.map((k) => FILE_KINDS[k].label).join(", ");
  const gatheringError = f.error("gathering");
  const legsError = f.error("legs");
  const totalError = f.error("total");
  return (
    <Layout lang={lang} title={tt.formTitle} path="/reisestotte" hasErrors={f.hasErrors}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: "/reisestotte", text: tt.title },
          { href: "/reisestotte/ny", text: tt.formTitle },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {tt.formTitle}
      </h1>
      <p class="ds-paragraph lead">
        {tt.formLead(props.gathering, formatKroner(lang, props.ceilingOre))}
      </p>
      {props.forName ? <p class="ds-paragraph">{tt.forWhom(props.forName)}</p> : null}
      <ErrorSummary t={t} items={f.summary} />
      {gatheringError ? (
        <Notice color="danger" id="claim-gathering">
          {gatheringError}
        </Notice>
      ) : null}
      <form
        method="post"
        action={travelPath(lang, "/ny")}
        enctype="multipart/form-data"
        novalidate
        class="stack"
      >
        <input type="hidden" name="gathering" value={String(props.gatheringId)} />
        <input type="hidden" name="person" value={String(props.personId)} />
        <section aria-labelledby="legs-heading" id="claim-legs" tabindex={-1} class="stack">
          <h2 class="ds-heading" data-size="sm" id="legs-heading">
            {tt.legsHeading}
          </h2>
          <p class="ds-paragraph" id="legs-hint">
            {tt.legsHint}
          </p>
          <ValidationMessage t={t} id="claim-legs-error" text={legsError} />
          {rows.map((n) => (
            <fieldset class="ds-fieldset stack" data-testid={`leg-${n}`}>
              <legend class="ds-label">{tt.leg(n)}</legend>
              <Field
                t={t}
                {...f.bind(legField("from", n))}
                label={tt.from}
                maxLength={travelLimits.place}
              />
              <Field
                t={t}
                {...f.bind(legField("to", n))}
                label={tt.to}
                maxLength={travelLimits.place}
              />
              <Select
                t={t}
                {...f.bind(legField("means", n))}
                label={tt.means}
                placeholder=""
                options={TRANSPORT_MEANS.map((m) => ({ value: m, label: tt.meansOptions[m] }))}
              />
              <Field
                t={t}
                {...f.bind(legField("distance", n))}
                label={tt.distance}
                hint={tt.distanceHint}
                maxLength={6}
              />
              <Field
                t={t}
                {...f.bind(legField("amount", n))}
                label={tt.amount}
                hint={tt.legAmountHint}
                maxLength={20}
              />
            </fieldset>
          ))}
          {props.rows < travelLimits.legs ? (
            <ButtonRow>
              <Button variant="secondary" name="leggTil" value="1">
                {tt.addLeg}
              </Button>
            </ButtonRow>
          ) : null}
          <div class="ds-field" id="claim-total" tabindex={-1}>
            <p class="ds-paragraph">
              <strong>{tt.total}:</strong>{" "}
              <output data-testid="claim-total" aria-describedby="claim-total-note">
                {props.totalOre === null ? "–" : formatKroner(lang, props.totalOre)}
              </output>
            </p>
            <p class="ds-paragraph" data-size="sm" id="claim-total-note">
              {tt.totalNote}
            </p>
            <ValidationMessage t={t} id="claim-total-error" text={totalError} />
          </div>
        </section>
        <Field
          t={t}
          {...f.bind("accountNumber")}
          hint={tt.accountNumberHint}
          maxLength={20}
          autocomplete="off"
        />
        <FileField
          t={t}
          name="receipts"
          id={receipts.id}
          label={tt.receipts}
          error={receipts.error}
          hint={tt.receiptsHint(types, size, travelLimits.receipts)}
          accept={travelLimits.types
            .flatMap((k) => [...FILE_KINDS[k].extensions.map((e) => `.${e}`), FILE_KINDS[k].mime])
            .join(",")}
          maxBytes={travelLimits.bytes}
          tooLarge={tt.tooLarge(size)}
          multiple
        />
        <SubmitRow>{tt.send}</SubmitRow>
      </form>
    </Layout>
  );
}

/** What a claim shows: its facts and its receipts (for the claimant, and for the admin). */
function ClaimFacts(props: {
  lang: Lang;
  claim: TravelClaim;
  name: string;
  gathering: string;
  receipts: Receipt[];
  legs: Leg[];
  receiptHref: (r: Receipt) => string;
}) {
  const { lang, claim: c } = props;
  const tt = travelTexts(lang);
  return (
    <Facts
      heading={tt.factsHeading}
      facts={[
        { term: tt.state, value: tt.states[c.state], testId: "claim-state" },
        { term: tt.participant, value: props.name },
        { term: tt.gathering, value: props.gathering },
        { term: tt.route, value: c.route },
        { term: tt.means, value: tt.meansOptions[c.means] },
        props.legs.length > 0
          ? {
              term: tt.legsFacts,
              value: (
                <ol class="plain-list" data-testid="claim-legs">
                  {props.legs.map((l) => (
                    <li>
                      {tt.legLine(
                        l.fromPlace,
                        l.toPlace,
                        tt.meansOptions[l.means],
                        l.distanceKm === null ? null : String(l.distanceKm),
                        formatKroner(lang, l.amountOre),
                      )}
                    </li>
                  ))}
                </ol>
              ),
            }
          : null,
        { term: tt.amount, value: formatKroner(lang, c.amountOre), testId: "claim-amount" },
        { term: tt.accountNumber, value: formatAccountNumber(c.accountNumber) },
        { term: tt.submittedOn, value: formatDate(lang, osloToday(c.submittedAt)) },
        c.reason ? { term: tt.reason, value: c.reason, pre: true } : null,
        c.paymentReference ? { term: tt.reference, value: c.paymentReference } : null,
        {
          term: tt.receipts,
          value: (
            <ul class="plain-list">
              {props.receipts.map((r) => (
                <li>
                  <a class="ds-link" href={props.receiptHref(r)}>
                    {r.name}
                  </a>{" "}
                  ({formatFileSize(lang, r.bytes)})
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}

export function ClaimPage(props: {
  lang: Lang;
  claim: TravelClaim;
  name: string;
  gathering: string;
  receipts: Receipt[];
  legs: Leg[];
  message?: string | undefined;
}) {
  const { lang, claim: c } = props;
  const tt = travelTexts(lang);
  const title = tt.claimTitle(props.gathering);
  return (
    <Layout lang={lang} title={title} path="/reisestotte">
      <Breadcrumbs
        lang={lang}
        items={[
          { href: "/reisestotte", text: tt.title },
          { href: `/reisestotte/${c.id}`, text: title },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <ClaimFacts {...props} receiptHref={(r) => travelPath(lang, `/${c.id}/kvittering/${r.id}`)} />
    </Layout>
  );
}

export type AdminClaimRow = TravelClaim & { name: string; gathering: string };

/** The programme admin's claims of a cohort's scheme, with the travel figures. */
export function AdminClaimsPage(props: {
  lang: Lang;
  cohortId: number;
  cohortTitle: string;
  ceilingOre: number | null;
  figures: boolean;
  claims: AdminClaimRow[];
  totals: TravelFigures;
  message?: string | undefined;
}) {
  const { lang } = props;
  const tt = travelTexts(lang);
  const title = tt.adminTitle(props.cohortTitle);
  const kr = (ore: number) => formatKroner(lang, ore);
  return (
    <Layout lang={lang} title={title} path={`/admin/tilskudd/${props.cohortId}/reisekrav`} wide>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: "/admin/tilskudd", text: grantTexts(lang).listTitle },
          { href: `/admin/tilskudd/${props.cohortId}`, text: props.cohortTitle },
          { href: `/admin/tilskudd/${props.cohortId}/reisekrav`, text: tt.adminLink },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <p class="ds-paragraph lead">
        {props.ceilingOre === null ? tt.adminNoTravel : tt.adminLead(kr(props.ceilingOre))}
      </p>
      <TravelTotals lang={lang} totals={props.totals} />
      {props.figures ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={localPath(lang, "/admin/tilskudd/reisestotte")}>
            {tt.figuresTitle}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="claims-heading">
        <h2 class="ds-heading" data-size="md" id="claims-heading">
          {tt.claimsHeading}
        </h2>
        {props.claims.length === 0 ? (
          <p class="ds-paragraph">{tt.noClaims}</p>
        ) : (
          <DataTable
            label={tt.claimsHeading}
            columns={[tt.participant, tt.gathering, tt.means, tt.amount, tt.state]}
          >
            {props.claims.map((c) => (
              <tr>
                <td>
                  <a
                    class="ds-link"
                    href={claimAdminPath(lang, props.cohortId, `/${c.id}`)}
                    aria-label={tt.open(c.name)}
                  >
                    {c.name}
                  </a>
                </td>
                <td>{c.gathering}</td>
                <td>{tt.meansOptions[c.means]}</td>
                <td class="number">{kr(c.amountOre)}</td>
                <td>{tt.states[c.state]}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </Layout>
  );
}

export function AdminClaimPage(props: {
  lang: Lang;
  cohortId: number;
  cohortTitle: string;
  claim: TravelClaim;
  name: string;
  gathering: string;
  receipts: Receipt[];
  legs: Leg[];
  form?: FormState;
  actError?: string | undefined;
}) {
  const { lang, claim: c } = props;
  const t = messages(lang);
  const tt = travelTexts(lang);
  const title = tt.claimTitle(props.gathering);
  const f = formView(lang, props.form ?? { values: {}, errors: {} }, {
    labels: { decision: tt.decision, reason: tt.reason },
    errors: travelErrors[lang],
    idPrefix: "decide",
  });
  const summary = [
    ...(props.actError ? [{ href: "#act-error", text: props.actError }] : []),
    ...f.summary,
  ];
  return (
    <Layout
      lang={lang}
      title={title}
      path={`/admin/tilskudd/${props.cohortId}/reisekrav`}
      hasErrors={summary.length > 0}
    >
      <Breadcrumbs
        lang={lang}
        items={[
          { href: `/admin/tilskudd/${props.cohortId}`, text: props.cohortTitle },
          { href: `/admin/tilskudd/${props.cohortId}/reisekrav`, text: tt.adminLink },
          { href: `/admin/tilskudd/${props.cohortId}/reisekrav/${c.id}`, text: props.name },
        ]}
      />
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <ErrorSummary t={t} items={summary} />
      {props.actError ? (
        <Notice color="danger" id="act-error" focus>
          {props.actError}
        </Notice>
      ) : null}
      <ClaimFacts
        {...props}
        receiptHref={(r) => claimAdminPath(lang, props.cohortId, `/${c.id}/kvittering/${r.id}`)}
      />
      {c.state === "submitted" ? (
        <section aria-labelledby="decide-heading">
          <h2 class="ds-heading" data-size="md" id="decide-heading">
            {tt.decideHeading}
          </h2>
          <form
            method="post"
            action={claimAdminPath(lang, props.cohortId, `/${c.id}`)}
            novalidate
            class="stack"
          >
            <RadioGroup
              t={t}
              {...f.bind("decision")}
              legend={tt.decision}
              options={(["approve", "reject"] as const).map((d) => ({
                value: d,
                label: tt.decisions[d],
              }))}
            />
            <Field
              t={t}
              {...f.bind("reason")}
              hint={tt.reasonHint}
              required={false}
              multiline
              maxLength={travelLimits.reason}
            />
            <SubmitRow>{tt.decide}</SubmitRow>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
