import {
  Button,
  ButtonRow,
  Checkbox,
  ErrorSummary,
  Field,
  RadioGroup,
  Select,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { doorTexts } from "./door-texts";
import { gatheringErrors } from "./error-texts";
import { type Gathering, gatheringLimits, LEVELS, MODES, SESSION_KINDS } from "./gatherings";
import { admittableRoles } from "./organiser-form";
import { organiserScopeErrors, organiserScopeTexts } from "./organiser-scope-texts";
import { organiserTexts } from "./organiser-texts";
import { overviewTexts } from "./overview-texts";
import { whenText } from "./participant-views";
import { gatheringTexts } from "./texts";

export const ADMIN_PATH = "/admin/samlinger";

export type OrganiserListItem = {
  gathering: Gathering;
  programmeTitle: string;
};

export function OrganiserListPage(props: { lang: Lang; items: OrganiserListItem[] }) {
  const { lang } = props;
  const o = organiserTexts[lang];
  const t = gatheringTexts[lang];
  return (
    <Layout lang={lang} title={o.listTitle} path={ADMIN_PATH}>
      <h1 class="ds-heading" data-size="xl">
        {o.listTitle}
      </h1>
      <p class="ds-paragraph lead">{o.listLead}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(lang, `${ADMIN_PATH}/ny`)}>
          {o.create}
        </a>
      </p>
      {props.items.length === 0 ? (
        <p class="ds-paragraph">{o.none}</p>
      ) : (
        <table class="ds-table">
          <thead>
            <tr>
              <th scope="col">{t.title}</th>
              <th scope="col">{o.labels.programme}</th>
              <th scope="col">{t.level}</th>
              <th scope="col">{t.when}</th>
              <th scope="col">{o.registrations}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map(({ gathering: g, programmeTitle }) => (
              <tr>
                <td>
                  <a class="ds-link" href={localPath(lang, `${ADMIN_PATH}/${g.id}`)}>
                    {lang === "nn" ? g.titleNn : g.titleNb}
                  </a>
                  <br />
                  <a class="ds-link" href={localPath(lang, `${ADMIN_PATH}/${g.id}/innsjekk`)}>
                    {doorTexts[lang].dayLink}
                    <span class="ds-sr-only">: {lang === "nn" ? g.titleNn : g.titleNb}</span>
                  </a>
                  <br />
                  <a class="ds-link" href={localPath(lang, `${ADMIN_PATH}/${g.id}/pameldte`)}>
                    {overviewTexts[lang].overviewTab}
                    <span class="ds-sr-only">: {lang === "nn" ? g.titleNn : g.titleNb}</span>
                  </a>
                </td>
                <td>{programmeTitle}</td>
                <td>{t.levels[g.level]}</td>
                <td>{whenText(lang, g)}</td>
                <td data-testid={`counts-${g.id}`}>
                  {o.listCounts(g.seatsHeld, g.capacity, g.waitingCount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export type GatheringFormProps = {
  lang: Lang;
  /** Null: a new gathering. */
  gathering: Gathering | null;
  programmes: { id: number; title: string }[];
  cohorts: { id: number; programmeId: number; number: number }[];
  /** The organisers the person acts for (a stored gathering's own only), by "kind:id". */
  organisers: { value: string; label: string }[];
  /** Whether a gathering may be for the whole programme (a programme owner's may). */
  wholeProgramme: boolean;
  /** How many session rows the form has (the agenda's sessions and empty rows). */
  rows: number;
  /** How many of the rows are stored sessions (they get a "remove" box). */
  storedRows: number;
  form: FormState;
  counts?: { confirmed: number; offered: number; waiting: number };
  notice?: "created" | "saved";
};

/** Every field's label, in the page's order (the error summary follows it). */
function labelsOf(lang: Lang, rows: number) {
  const o = organiserTexts[lang];
  const labels: Record<string, string> = {
    gathering: o.newTitle,
    organiser: organiserScopeTexts[lang].organiserLabel,
    ...o.labels,
    allowedRoles: o.labels.allowedRoles,
    sessions: o.agendaHeading,
  };
  for (let i = 1; i <= rows; i++) {
    for (const [f, label] of Object.entries(o.session))
      labels[`session-${i}-${f}`] = `${o.sessionLegend(i)}: ${label}`;
  }
  return labels;
}

export function GatheringFormPage(props: GatheringFormProps) {
  const { lang, gathering: g } = props;
  const o = organiserTexts[lang];
  const t = gatheringTexts[lang];
  const m = messages(lang);
  const form = formView(lang, props.form, {
    labels: labelsOf(lang, props.rows),
    errors: { ...gatheringErrors[lang], ...organiserScopeErrors[lang] },
  });
  const st = organiserScopeTexts[lang];
  const title = g ? o.editTitle(lang === "nn" ? g.titleNn : g.titleNb) : o.newTitle;
  const action = localPath(lang, g ? `${ADMIN_PATH}/${g.id}` : `${ADMIN_PATH}/ny`);
  const L = gatheringLimits;
  const dateTime = (name: string, label?: string) => (
    <Field t={m} {...form.bind(name)} {...(label ? { label } : {})} hint={o.dateTimeHint} />
  );
  return (
    <Layout
      lang={lang}
      title={title}
      path={g ? `${ADMIN_PATH}/${g.id}` : `${ADMIN_PATH}/ny`}
      hasErrors={form.hasErrors}
    >
      <ErrorSummary t={m} items={form.summary} />
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(lang, ADMIN_PATH)}>
          {o.listTitle}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      {props.notice ? <Notice color="success">{o[props.notice]}</Notice> : null}
      {form.error("gathering") ? (
        <Notice color="danger" id="gathering" focus>
          {form.error("gathering")}
        </Notice>
      ) : null}
      {props.counts ? (
        <p class="ds-paragraph" data-testid="registration-counts">
          {o.counts(props.counts.confirmed, props.counts.offered, props.counts.waiting)}{" "}
          {g ? (
            <a class="ds-link" href={localPath(lang, `${ADMIN_PATH}/${g.id}/pameldte`)}>
              {overviewTexts[lang].overviewTab}
            </a>
          ) : null}
        </p>
      ) : null}
      {!g && props.programmes.length === 0 ? (
        <Notice color="info">{st.nothingToOrganise}</Notice>
      ) : null}
      <form method="post" action={action}>
        {g ? <input type="hidden" name="version" value={form.value("version")} /> : null}
        <fieldset class="ds-fieldset">
          <legend class="ds-heading" data-size="sm">
            {o.whoHeading}
          </legend>
          {g || props.organisers.length === 1 ? (
            <p class="ds-paragraph" id="organiser">
              {g ? null : (
                <input type="hidden" name="organiser" value={props.organisers[0]?.value} />
              )}
              {st.organiserIs(props.organisers[0]?.label ?? "")}
            </p>
          ) : (
            <Select
              t={m}
              {...form.bind("organiser")}
              hint={st.organiserHint}
              options={props.organisers}
            />
          )}
          <Select
            t={m}
            {...form.bind("programme")}
            options={props.programmes.map((p) => ({ value: String(p.id), label: p.title }))}
          />
          <Select
            t={m}
            {...form.bind("cohort")}
            options={[
              ...(props.wholeProgramme ? [{ value: "", label: o.wholeProgramme }] : []),
              ...props.cohorts.map((c) => ({
                value: String(c.id),
                label: `${props.programmes.find((p) => p.id === c.programmeId)?.title ?? ""}: ${o.cohortNumber(c.number)}`,
              })),
            ]}
          />
          <Checkbox
            t={m}
            name="onlyCohort"
            legend={o.labels.onlyCohort}
            label={o.onlyCohortOption}
            error={form.error("onlyCohort")}
            checked={form.value("onlyCohort") === "yes"}
          />
          <Field
            t={m}
            {...form.bind("allowedMunicipalities")}
            hint={o.municipalitiesHint}
            required={false}
          />
          <fieldset class="ds-fieldset" aria-describedby="allowedRoles-hint">
            <legend class="ds-label">{o.labels.allowedRoles}</legend>
            <p class="ds-paragraph" data-size="sm" id="allowedRoles-hint">
              {o.rolesHint}
            </p>
            {admittableRoles().map((r) => (
              <div class="ds-field">
                <input
                  class="ds-input"
                  type="checkbox"
                  id={`role-${r}`}
                  name={`role-${r}`}
                  value="yes"
                  checked={form.value(`role-${r}`) === "yes"}
                />
                <label class="ds-label" for={`role-${r}`} data-weight="regular">
                  {o.roleNames[r] ?? r}
                </label>
              </div>
            ))}
          </fieldset>
          <RadioGroup
            t={m}
            name="level"
            legend={o.labels.level}
            error={form.error("level")}
            value={form.value("level")}
            options={LEVELS.map((l) => ({ value: l, label: t.levels[l] }))}
          />
          <Field t={m} {...form.bind("titleNb")} maxLength={L.title} />
          <Field t={m} {...form.bind("titleNn")} maxLength={L.title} />
          <Field
            t={m}
            {...form.bind("descriptionNb")}
            multiline
            required={false}
            maxLength={L.description}
          />
          <Field
            t={m}
            {...form.bind("descriptionNn")}
            multiline
            required={false}
            maxLength={L.description}
          />
        </fieldset>
        <fieldset class="ds-fieldset">
          <legend class="ds-heading" data-size="sm">
            {o.whenHeading}
          </legend>
          {dateTime("startsAt")}
          {dateTime("endsAt")}
          {dateTime("registrationOpensAt")}
          {dateTime("registrationClosesAt")}
        </fieldset>
        <fieldset class="ds-fieldset">
          <legend class="ds-heading" data-size="sm">
            {o.whereHeading}
          </legend>
          <RadioGroup
            t={m}
            name="mode"
            legend={o.labels.mode}
            error={form.error("mode")}
            value={form.value("mode")}
            options={MODES.map((x) => ({ value: x, label: t.modes[x] }))}
          />
          <Field t={m} {...form.bind("venue")} required={false} maxLength={L.venue} />
          <Field t={m} {...form.bind("address")} required={false} maxLength={L.address} />
          <Field
            t={m}
            {...form.bind("digitalLink")}
            hint={o.digitalLinkHint}
            required={false}
            maxLength={L.link}
          />
          <Field t={m} {...form.bind("capacity")} />
          <Field t={m} {...form.bind("offerHours")} />
        </fieldset>
        <section aria-labelledby="agenda-heading">
          <h2 class="ds-heading" data-size="sm" id="agenda-heading">
            {o.agendaHeading}
          </h2>
          <p class="ds-paragraph" data-size="sm">
            {o.agendaHint}
          </p>
          {Array.from({ length: props.rows }, (_, k) => k + 1).map((i) => {
            const at = (f: string) => `session-${i}-${f}`;
            const bind = (f: string) => form.bind(at(f));
            return (
              <fieldset class="ds-fieldset">
                <legend class="ds-label">{o.sessionLegend(i)}</legend>
                {form.value(at("id")) ? (
                  <input type="hidden" name={at("id")} value={form.value(at("id"))} />
                ) : null}
                <Select
                  t={m}
                  {...bind("kind")}
                  label={o.session.kind}
                  options={SESSION_KINDS.map((k2) => ({ value: k2, label: t.sessionKinds[k2] }))}
                />
                <Field t={m} {...bind("titleNb")} label={o.session.titleNb} maxLength={L.title} />
                <Field t={m} {...bind("titleNn")} label={o.session.titleNn} maxLength={L.title} />
                <Field
                  t={m}
                  {...bind("speaker")}
                  label={o.session.speaker}
                  required={false}
                  maxLength={L.speaker}
                />
                <Field
                  t={m}
                  {...bind("room")}
                  label={o.session.room}
                  required={false}
                  maxLength={L.room}
                />
                {dateTime(at("startsAt"), o.session.startsAt)}
                {dateTime(at("endsAt"), o.session.endsAt)}
                <Field
                  t={m}
                  {...bind("capacity")}
                  label={o.session.capacity}
                  hint={o.session.capacityHint}
                  required={false}
                />
                {i <= props.storedRows ? (
                  <Checkbox
                    t={m}
                    name={at("remove")}
                    legend={o.sessionLegend(i)}
                    label={o.session.remove}
                    checked={form.value(at("remove")) === "yes"}
                  />
                ) : null}
              </fieldset>
            );
          })}
        </section>
        <ButtonRow>
          <Button>{o.save}</Button>
        </ButtonRow>
      </form>
    </Layout>
  );
}
