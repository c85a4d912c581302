import { Button, ButtonRow, ErrorSummary, ValidationMessage } from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { gatheringErrors } from "./error-texts";
import type { Gathering } from "./gatherings";
import { gatheringPath, whenText, whereText } from "./participant-views";
import type { StaffMember } from "./staff-registration";
import { staffErrors, staffTexts } from "./staff-registration-texts";
import { gatheringTexts } from "./texts";

export const staffPath = (id: number) => gatheringPath(id, "/ansatte");

function statusOf(lang: Lang, m: StaffMember) {
  const t = gatheringTexts[lang];
  if (!m.registration) return "";
  if (m.registration.status === "waiting") return t.statuses.waiting(m.position ?? 0);
  if (m.registration.status === "offered") return t.statuses.offered;
  return t.statuses.confirmed;
}

export function StaffRegistrationPage(props: {
  lang: Lang;
  gathering: Gathering;
  staff: StaffMember[];
  open: boolean;
  seatsLeft: number;
  /** Whether the leader may see the gathering's own page (it admits her, or she is registered). */
  leaderAdmitted: boolean;
  form: FormState;
  notice?: { confirmed: number; waiting: number };
}) {
  const { lang, gathering: g, staff } = props;
  const st = staffTexts[lang];
  const t = gatheringTexts[lang];
  const m = messages(lang);
  const title = lang === "nn" ? g.titleNn : g.titleNb;
  const choosable = staff.filter((s) => s.admitted && !s.registration);
  const registered = staff.filter((s) => s.registration);
  const notAdmitted = staff.filter((s) => !s.admitted);
  const labels: Record<string, string> = { staff: st.staffLegend, gathering: st.heading };
  for (const s of staff) labels[`person-${s.personId}`] = s.name;
  const form = formView(lang, props.form, {
    labels,
    errors: { ...gatheringErrors[lang], ...staffErrors[lang] },
  });
  // The first box carries the list's error, so that the summary's link lands on it.
  const firstId = choosable[0] ? `person-${choosable[0].personId}` : "staff";
  const staffError = form.error("staff");
  const shown = new Set(choosable.map((c) => `person-${c.personId}`));
  return (
    <Layout lang={lang} title={st.title(title)} path={staffPath(g.id)} hasErrors={form.hasErrors}>
      <ErrorSummary
        t={m}
        items={form.summary.map((item) =>
          item.href === "#gathering" || shown.has(item.href.slice(1))
            ? item
            : { ...item, href: `#${firstId}` },
        )}
      />
      <p class="ds-paragraph">
        {props.leaderAdmitted ? (
          <a class="ds-link" href={localPath(lang, gatheringPath(g.id))}>
            {st.backToGathering}
          </a>
        ) : (
          <a class="ds-link" href={localPath(lang, "/samlinger")}>
            {st.backToList}
          </a>
        )}
      </p>
      <h1 class="ds-heading" data-size="xl">
        {st.heading}
      </h1>
      <p class="ds-paragraph lead">
        <strong>{title}</strong>
        <br />
        {whenText(lang, g)}
        {g.mode !== "digital" ? (
          <>
            <br />
            {whereText(lang, g)}
          </>
        ) : (
          <>
            <br />
            {t.digital}
          </>
        )}
      </p>
      {props.notice ? (
        <Notice color="success">
          {st.registeredNotice(props.notice.confirmed, props.notice.waiting)}
        </Notice>
      ) : null}
      {form.error("gathering") ? (
        <Notice color="danger" id="gathering" focus>
          {form.error("gathering")}
        </Notice>
      ) : null}
      {!props.open ? (
        <p class="ds-paragraph">{st.closedNote}</p>
      ) : choosable.length === 0 ? (
        <p class="ds-paragraph">{st.noneToRegister}</p>
      ) : (
        <form method="post" action={localPath(lang, staffPath(g.id))}>
          <p class="ds-paragraph">{st.lead}</p>
          {props.seatsLeft <= 0 ? <p class="ds-paragraph">{st.fullNote}</p> : null}
          <p class="ds-paragraph" data-size="sm">
            {t.seats}: {t.seatsLeft(Math.max(0, props.seatsLeft), g.capacity)}
          </p>
          <fieldset
            class="ds-fieldset"
            aria-describedby={`staff-hint${staffError ? " staff-error" : ""}`}
          >
            <legend class="ds-label">{st.staffLegend}</legend>
            <p class="ds-paragraph" data-size="sm" id="staff-hint">
              {st.staffHint}
            </p>
            <ValidationMessage t={m} id="staff-error" text={staffError} />
            {choosable.map((s) => {
              const id = `person-${s.personId}`;
              const error = form.error(id);
              return (
                <div class="ds-field">
                  <ValidationMessage t={m} id={`${id}-error`} text={error} />
                  <input
                    class="ds-input"
                    type="checkbox"
                    id={id}
                    name={id}
                    value="yes"
                    checked={form.value(id) === "yes"}
                    aria-invalid={error ? "true" : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                  />
                  <label class="ds-label" for={id} data-weight="regular">
                    {s.name} ({st.roles[s.role] ?? s.role})
                  </label>
                </div>
              );
            })}
          </fieldset>
          <ButtonRow>
            <Button>{st.register}</Button>
          </ButtonRow>
        </form>
      )}
      {registered.length > 0 ? (
        <section aria-labelledby="registered-heading">
          <h2 class="ds-heading" data-size="sm" id="registered-heading">
            {st.registeredHeading}
          </h2>
          <table class="ds-table" data-testid="registered-staff">
            <thead>
              <tr>
                <th scope="col">{st.name}</th>
                <th scope="col">{st.status}</th>
              </tr>
            </thead>
            <tbody>
              {registered.map((s) => (
                <tr>
                  <td>{s.name}</td>
                  <td>{statusOf(lang, s)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {notAdmitted.length > 0 ? (
        <section aria-labelledby="not-admitted-heading">
          <h2 class="ds-heading" data-size="sm" id="not-admitted-heading">
            {st.notAdmittedHeading}
          </h2>
          <p class="ds-paragraph">{st.notAdmittedLead}</p>
          <ul class="ds-list">
            {notAdmitted.map((s) => (
              <li>{s.name}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
