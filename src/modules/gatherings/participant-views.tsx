import { Facts } from "../../web/components/facts";
import { Button, ButtonRow, ErrorSummary, Field } from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { calendarTexts } from "./calendar-texts";
import { FEED_PAGE, Ticket } from "./calendar-views";
import { gatheringErrors } from "./error-texts";
import { evaluationTexts } from "./evaluation-texts";
import { type Gathering, gatheringLimits, type Session } from "./gatherings";
import type { Registration } from "./registration";
import { staffTexts } from "./staff-registration-texts";
import { gatheringTexts } from "./texts";

export const gatheringPath = (id: number, rest = "") => `/samlinger/${id}${rest}`;

const titleOf = (lang: Lang, g: Pick<Gathering, "titleNb" | "titleNn">) =>
  lang === "nn" ? g.titleNn : g.titleNb;

const timeFormat = (lang: Lang) =>
  new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nb-NO", {
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  });

/** "10. februar 2027 kl. 09:00 – 15:00", or both dates when it runs over days (Europe/Oslo). */
export function whenText(lang: Lang, g: Pick<Gathering, "startsAt" | "endsAt">) {
  const sameDay =
    g.startsAt.toLocaleDateString("en-CA", { timeZone: "Europe/Oslo" }) ===
    g.endsAt.toLocaleDateString("en-CA", { timeZone: "Europe/Oslo" });
  return sameDay
    ? `${formatDateTime(lang, g.startsAt)} – ${timeFormat(lang).format(g.endsAt)}`
    : `${formatDateTime(lang, g.startsAt)} – ${formatDateTime(lang, g.endsAt)}`;
}

/** Where, as the public may see it: the venue and address, or "online" (never the link). */
export function whereText(lang: Lang, g: Pick<Gathering, "mode" | "venue" | "address">) {
  const t = gatheringTexts[lang];
  const place = [g.venue, g.address].filter((s) => s !== "").join(", ");
  if (g.mode === "digital") return t.digital;
  if (g.mode === "hybrid") return `${place} (${t.modes.hybrid.toLowerCase()})`;
  return place;
}

function statusText(lang: Lang, r: Registration | null, position: number | null) {
  const t = gatheringTexts[lang];
  if (!r) return t.notRegistered;
  if (r.status === "waiting") return t.statuses.waiting(position ?? 0);
  if (r.status === "offered") return t.statuses.offered;
  return t.statuses.confirmed;
}

export type ListItem = {
  gathering: Gathering;
  registration: Registration | null;
  position: number | null;
};

export function GatheringListPage(props: { lang: Lang; items: ListItem[] }) {
  const { lang } = props;
  const t = gatheringTexts[lang];
  return (
    <Layout lang={lang} title={t.listTitle} path="/samlinger">
      <h1 class="ds-heading" data-size="xl">
        {t.listTitle}
      </h1>
      <p class="ds-paragraph lead">{t.listLead}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(lang, FEED_PAGE)}>
          {calendarTexts[lang].feedLink}
        </a>
      </p>
      {props.items.length === 0 ? (
        <p class="ds-paragraph">{t.none}</p>
      ) : (
        <table class="ds-table">
          <thead>
            <tr>
              <th scope="col">{t.title}</th>
              <th scope="col">{t.level}</th>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.where}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map(({ gathering: g, registration, position }) => (
              <tr>
                <td>
                  <a class="ds-link" href={localPath(lang, gatheringPath(g.id))}>
                    {titleOf(lang, g)}
                  </a>
                </td>
                <td>{t.levels[g.level]}</td>
                <td>{whenText(lang, g)}</td>
                <td>{whereText(lang, g)}</td>
                <td data-testid={`status-${g.id}`}>{statusText(lang, registration, position)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export type GatheringPageProps = {
  lang: Lang;
  gathering: Gathering;
  sessions: Session[];
  /** Places taken in each session with a capacity. */
  sessionTaken: Map<number, number>;
  seatsLeft: number;
  registration: Registration | null;
  position: number | null;
  chosen: number[];
  /** Whether the person may register (the gathering admits one of the person's places). */
  admitted: boolean;
  now: Date;
  form?: FormState;
  /** A notice after an act (cancelled). */
  notice?: "cancelled";
  /** With a confirmed seat: the check-in code as shown and its QR code (calendar-views.tsx). */
  ticket?: { code: string; qrSvg: string };
  /** A unit leader's way to register the unit's staff (staff-registration-routes.tsx). */
  staffLink?: boolean;
};

/** The names of the registration form's fields, in the order the error summary lists them. */
const labelsOf = (lang: Lang) => {
  const t = gatheringTexts[lang];
  return {
    gathering: t.registration,
    registration: t.status,
    sessions: t.chooseSessions,
    dietary: t.dietary,
    accessibility: t.accessibility,
  };
};

export function GatheringPage(props: GatheringPageProps) {
  const { lang, gathering: g, registration: r } = props;
  const t = gatheringTexts[lang];
  const m = messages(lang);
  const form = formView(lang, props.form, {
    labels: labelsOf(lang),
    errors: gatheringErrors[lang],
  });
  const title = titleOf(lang, g);
  const description = lang === "nn" ? g.descriptionNn : g.descriptionNb;
  const open = props.now >= g.registrationOpensAt && props.now < g.registrationClosesAt;
  const started = props.now >= g.startsAt;
  const choosable = props.sessions.filter((s) => s.capacity !== null);
  const held = r && (r.status === "confirmed" || r.status === "offered");
  const facts = [
    { term: t.level, value: t.levels[g.level] },
    { term: t.when, value: whenText(lang, g) },
    { term: t.mode, value: t.modes[g.mode] },
    ...(g.mode !== "digital" ? [{ term: t.where, value: whereText(lang, g) }] : []),
    { term: t.seats, value: t.seatsLeft(Math.max(0, props.seatsLeft), g.capacity) },
    {
      term: t.registration,
      value: t.registrationWindow(
        formatDateTime(lang, g.registrationOpensAt),
        formatDateTime(lang, g.registrationClosesAt),
      ),
    },
  ];
  return (
    <Layout lang={lang} title={title} path={gatheringPath(g.id)} hasErrors={form.hasErrors}>
      <ErrorSummary t={m} items={form.summary} />
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(lang, "/samlinger")}>
          {t.backToList}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      {description ? <p class="ds-paragraph lead">{description}</p> : null}
      {props.notice === "cancelled" ? <Notice color="success">{t.cancelledNotice}</Notice> : null}
      {form.error("gathering") ? (
        <Notice color="danger" id="gathering" focus>
          {form.error("gathering")}
        </Notice>
      ) : null}
      {form.error("registration") ? (
        <Notice color="danger" id="registration" focus>
          {form.error("registration")}
        </Notice>
      ) : null}
      <RegistrationStatus {...props} />
      {props.registration?.status === "confirmed" && props.now >= g.endsAt ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={localPath(lang, gatheringPath(g.id, "/evaluering"))}>
            {evaluationTexts[lang].answerLink}
          </a>
        </p>
      ) : null}
      {props.staffLink ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={localPath(lang, gatheringPath(g.id, "/ansatte"))}>
            {staffTexts[lang].link}
          </a>
        </p>
      ) : null}
      {props.ticket ? <Ticket lang={lang} gatheringId={g.id} {...props.ticket} /> : null}
      <Facts heading={t.about} facts={facts} />
      {g.mode !== "physical" ? (
        <section aria-labelledby="digital-heading">
          <h2 class="ds-heading" data-size="sm" id="digital-heading">
            {t.digitalLink}
          </h2>
          {held && r?.status === "confirmed" ? (
            <p class="ds-paragraph">
              <a class="ds-link" href={g.digitalLink} data-testid="digital-link">
                {g.digitalLink}
              </a>
            </p>
          ) : (
            <p class="ds-paragraph">{t.digitalLinkLater}</p>
          )}
        </section>
      ) : null}
      {props.sessions.length > 0 ? (
        <section aria-labelledby="agenda-heading">
          <h2 class="ds-heading" data-size="md" id="agenda-heading">
            {t.agenda}
          </h2>
          <table class="ds-table">
            <thead>
              <tr>
                <th scope="col">{t.time}</th>
                <th scope="col">{t.session}</th>
                <th scope="col">{t.speaker}</th>
                <th scope="col">{t.room}</th>
              </tr>
            </thead>
            <tbody>
              {props.sessions.map((s) => (
                <tr>
                  <td>
                    {timeFormat(lang).format(s.startsAt)}–{timeFormat(lang).format(s.endsAt)}
                  </td>
                  <td>
                    {lang === "nn" ? s.titleNn : s.titleNb} ({t.sessionKinds[s.kind].toLowerCase()})
                    {props.chosen.includes(s.id) ? ` – ${t.yourSessions.toLowerCase()}` : ""}
                  </td>
                  <td>{s.speaker}</td>
                  <td>{s.room}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {!r && !started ? (
        !props.admitted ? (
          <p class="ds-paragraph">{t.notAdmitted}</p>
        ) : props.now < g.registrationOpensAt ? (
          <p class="ds-paragraph">{t.notOpenYet(formatDateTime(lang, g.registrationOpensAt))}</p>
        ) : !open ? (
          <p class="ds-paragraph">{t.closed}</p>
        ) : (
          <section aria-labelledby="register-heading">
            <h2 class="ds-heading" data-size="md" id="register-heading">
              {t.registerHeading}
            </h2>
            <form method="post" action={localPath(lang, gatheringPath(g.id, "/pamelding"))}>
              {choosable.length > 0 ? (
                <fieldset
                  class="ds-fieldset"
                  aria-describedby={`sessions-hint${form.error("sessions") ? " sessions-error" : ""}`}
                >
                  <legend class="ds-label">{t.chooseSessions}</legend>
                  <p class="ds-paragraph" data-size="sm" id="sessions-hint">
                    {t.chooseSessionsHint}
                  </p>
                  {form.error("sessions") ? (
                    <div class="ds-validation-message" data-field="validation" id="sessions-error">
                      <span class="ds-sr-only">{m.form.errorPrefix} </span>
                      {form.error("sessions")}
                    </div>
                  ) : null}
                  {choosable.map((s, i) => {
                    const left = (s.capacity ?? 0) - (props.sessionTaken.get(s.id) ?? 0);
                    const id = i === 0 ? "sessions" : `session-${s.id}`;
                    return (
                      <div class="ds-field">
                        <input
                          class="ds-input"
                          type="checkbox"
                          id={id}
                          name={`session-${s.id}`}
                          value="yes"
                          checked={form.value(`session-${s.id}`) === "yes"}
                          aria-invalid={form.error("sessions") ? "true" : undefined}
                        />
                        <label class="ds-label" for={id} data-weight="regular">
                          {timeFormat(lang).format(s.startsAt)}–{timeFormat(lang).format(s.endsAt)}:{" "}
                          {lang === "nn" ? s.titleNn : s.titleNb} (
                          {left > 0 ? t.placesLeft(left) : t.full})
                        </label>
                      </div>
                    );
                  })}
                </fieldset>
              ) : null}
              <h3 class="ds-heading" data-size="xs">
                {t.needsHeading}
              </h3>
              <p class="ds-paragraph" data-size="sm">
                {t.needsHint}
              </p>
              <Field
                t={m}
                {...form.bind("dietary")}
                multiline
                rows={2}
                required={false}
                maxLength={gatheringLimits.needs}
              />
              <Field
                t={m}
                {...form.bind("accessibility")}
                multiline
                rows={2}
                required={false}
                maxLength={gatheringLimits.needs}
              />
              <ButtonRow>
                <Button>{t.register}</Button>
              </ButtonRow>
            </form>
          </section>
        )
      ) : null}
      {started && !r ? <p class="ds-paragraph">{t.started}</p> : null}
    </Layout>
  );
}

function RegistrationStatus(props: GatheringPageProps) {
  const { lang, gathering: g, registration: r } = props;
  const t = gatheringTexts[lang];
  if (!r) return null;
  const started = props.now >= g.startsAt;
  return (
    <section aria-labelledby="status-heading">
      <h2 class="ds-heading" data-size="md" id="status-heading">
        {t.status}
      </h2>
      <div data-testid="registration-status">
        {r.status === "confirmed" ? <Notice color="success">{t.confirmedNotice}</Notice> : null}
        {r.status === "waiting" ? (
          <Notice color="info">{t.waitingNotice(props.position ?? 0)}</Notice>
        ) : null}
        {r.status === "offered" && r.offeredUntil ? (
          <Notice color="warning">{t.offeredNotice(formatDateTime(lang, r.offeredUntil))}</Notice>
        ) : null}
      </div>
      {r.status === "offered" ? (
        <form method="post" action={localPath(lang, gatheringPath(g.id, "/bekreft"))}>
          <input type="hidden" name="registration" value={String(r.id)} />
          <ButtonRow>
            <Button>{t.confirmSeat}</Button>
          </ButtonRow>
        </form>
      ) : null}
      {started ? null : (
        <form method="post" action={localPath(lang, gatheringPath(g.id, "/avmelding"))}>
          <input type="hidden" name="registration" value={String(r.id)} />
          {r.status === "offered" ? null : <p class="ds-paragraph">{t.cancelLead}</p>}
          <ButtonRow>
            <Button variant="secondary">{r.status === "offered" ? t.declineSeat : t.cancel}</Button>
          </ButtonRow>
        </form>
      )}
    </section>
  );
}
