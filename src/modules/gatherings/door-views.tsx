import { DataTable } from "../../web/components/data-table";
import { Button, ButtonRow, ErrorSummary, Field, Select } from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { ScanBox } from "../../web/components/scan-box";
import { type FormState, formView } from "../../web/form-errors";
import { formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { ATTENDANCE, closingLimits, type DoorRow } from "./door";
import { doorErrors } from "./door-error-texts";
import { doorTexts } from "./door-texts";
import { gatheringErrors } from "./error-texts";
import { evaluationTexts } from "./evaluation-texts";
import type { Gathering, Session } from "./gatherings";
import { organiserTexts } from "./organiser-texts";
import { ADMIN_PATH } from "./organiser-views";
import type { AttendanceStatus } from "./schema";

/** The organiser's pages of one gathering's day, under the admin's work area. */
export const doorPath = (id: number, rest = "") => `${ADMIN_PATH}/${id}${rest}`;

const errorsOf = (lang: Lang) => ({ ...gatheringErrors[lang], ...doorErrors[lang] });

const titleOf = (lang: Lang, g: Pick<Gathering, "titleNb" | "titleNn">) =>
  lang === "nn" ? g.titleNn : g.titleNb;

/** "09:12" in Norway's time. */
export const clockTime = (lang: Lang, at: Date) =>
  new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nb-NO", {
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(at);

type Tab = "door" | "attendance" | "close" | "evaluation";

/** The three pages of the day, one link each; the page's own marked as current. */
export function DayTabs(props: { lang: Lang; id: number; current: Tab }) {
  const t = doorTexts[props.lang];
  const tabs: [Tab, string, string][] = [
    ["door", "/innsjekk", t.doorTab],
    ["attendance", "/oppmote", t.attendanceTab],
    ["close", "/avslutt", t.closeTab],
    ["evaluation", "/evaluering", evaluationTexts[props.lang].tab],
  ];
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(props.lang, ADMIN_PATH)}>
          {organiserTexts[props.lang].listTitle}
        </a>
      </p>
      <nav aria-label={t.tabs} class="day-tabs">
        <ul>
          {tabs.map(([tab, rest, label]) => (
            <li>
              <a
                class="ds-link"
                href={localPath(props.lang, doorPath(props.id, rest))}
                aria-current={tab === props.current ? "page" : undefined}
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

function Whereabouts(props: { lang: Lang; row: DoorRow }) {
  return (
    <>
      <td>{props.row.unit || "–"}</td>
      <td>{props.row.municipality || "–"}</td>
    </>
  );
}

export type DoorNotice = { name: string; already: boolean; at: Date };

/**
 * The door: a code (typed, or read by the camera when the page has script and the phone a
 * camera), the participants to search and check in one by one, and how many are in.
 */
export function DoorPage(props: {
  lang: Lang;
  gathering: Gathering;
  rows: DoorRow[];
  counts: { confirmed: number; checkedIn: number };
  q: string;
  notice?: DoorNotice | undefined;
  form?: FormState | undefined;
}) {
  const { lang, gathering: g } = props;
  const t = doorTexts[lang];
  const m = messages(lang);
  const f = formView(lang, props.form, {
    labels: { code: t.code, registration: t.participants },
    errors: errorsOf(lang),
  });
  const registrationError = f.error("registration");
  const action = localPath(lang, doorPath(g.id, "/innsjekk"));
  return (
    <Layout
      lang={lang}
      title={t.doorTitle(titleOf(lang, g))}
      path={doorPath(g.id, "/innsjekk")}
      hasErrors={f.hasErrors}
      scanner
    >
      <DayTabs lang={lang} id={g.id} current="door" />
      <h1 class="ds-heading" data-size="xl">
        {t.doorTitle(titleOf(lang, g))}
      </h1>
      <p class="ds-paragraph lead">{t.doorLead}</p>
      {props.notice ? (
        <Notice color={props.notice.already ? "info" : "success"}>
          {props.notice.already
            ? t.alreadyCheckedIn(props.notice.name, clockTime(lang, props.notice.at))
            : t.checkedIn(props.notice.name)}
        </Notice>
      ) : null}
      <ErrorSummary t={m} items={f.summary} />
      {registrationError ? (
        <Notice color="danger" id="registration" focus>
          {registrationError}
        </Notice>
      ) : null}
      <p class="ds-paragraph" data-testid="door-count">
        {t.checkedInCount(props.counts.checkedIn, props.counts.confirmed)}
      </p>
      <form method="post" action={action} class="stack">
        <Field t={m} {...f.bind("code")} hint={t.codeHint} autocomplete="off" maxLength={20} />
        <ScanBox field="code" words={t.scan} />
        <ButtonRow>
          <Button>{t.checkIn}</Button>
        </ButtonRow>
      </form>

      <section aria-labelledby="participants-heading" class="stack">
        <h2 class="ds-heading" data-size="md" id="participants-heading">
          {t.participants}
        </h2>
        <form method="get" action={action} class="filters">
          <Field t={m} name="q" label={t.search} value={props.q} maxLength={100} />
          <div>
            <button class="ds-button" data-variant="secondary" type="submit">
              {t.searchButton}
            </button>
          </div>
        </form>
        {props.q ? (
          <p class="ds-paragraph">
            {t.found(props.rows.length)}.{" "}
            <a class="ds-link" href={action}>
              {t.showAll}
            </a>
          </p>
        ) : null}
        {props.rows.length === 0 ? (
          <p class="ds-paragraph">{t.none}</p>
        ) : (
          <DataTable
            label={t.participants}
            columns={[t.name, t.unit, t.municipality, t.checkInColumn]}
          >
            {props.rows.map((row) => (
              <tr>
                <td>{row.name}</td>
                <Whereabouts lang={lang} row={row} />
                <td>
                  {row.checkedInAt ? (
                    t.checkedInAt(clockTime(lang, row.checkedInAt))
                  ) : (
                    <form method="post" action={action} class="inline-form">
                      <input type="hidden" name="registration" value={String(row.registrationId)} />
                      {props.q ? <input type="hidden" name="q" value={props.q} /> : null}
                      <button
                        class="ds-button"
                        data-variant="secondary"
                        data-size="sm"
                        type="submit"
                      >
                        {t.checkIn}
                        <span class="ds-sr-only"> {row.name}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </Layout>
  );
}

/**
 * Attendance for the whole gathering or one session: one row per participant, present /
 * absent / excused as radio buttons in a group named by the person. Each row carries the mark
 * it showed, so the save writes only what was changed here.
 */
export function AttendancePage(props: {
  lang: Lang;
  gathering: Gathering;
  sessions: Session[];
  sessionId: number | null;
  rows: DoorRow[];
  marks: Map<number, AttendanceStatus>;
  chosenOnly: boolean;
  saved?: number | undefined;
  form?: FormState | undefined;
}) {
  const { lang, gathering: g } = props;
  const t = doorTexts[lang];
  const m = messages(lang);
  const f = formView(lang, props.form, {
    labels: Object.fromEntries(props.rows.map((r) => [`a-${r.registrationId}`, r.name])),
    errors: errorsOf(lang),
  });
  const sessionTitle = (s: Session) =>
    `${clockTime(lang, s.startsAt)}–${clockTime(lang, s.endsAt)} ${lang === "nn" ? s.titleNn : s.titleNb}`;
  const count = (status: AttendanceStatus) =>
    props.rows.filter((r) => props.marks.get(r.registrationId) === status).length;
  const unmarked = props.rows.filter((r) => !props.marks.has(r.registrationId)).length;
  const action = localPath(lang, doorPath(g.id, "/oppmote"));
  return (
    <Layout
      lang={lang}
      title={t.attendanceTitle(titleOf(lang, g))}
      path={doorPath(g.id, "/oppmote")}
      hasErrors={f.hasErrors}
    >
      <DayTabs lang={lang} id={g.id} current="attendance" />
      <h1 class="ds-heading" data-size="xl">
        {t.attendanceTitle(titleOf(lang, g))}
      </h1>
      <p class="ds-paragraph lead">{t.attendanceLead}</p>
      {props.saved !== undefined ? <Notice color="success">{t.saved(props.saved)}</Notice> : null}
      <ErrorSummary t={m} items={f.summary} />
      <form method="get" action={action} class="filters">
        <Select
          t={m}
          name="okt"
          label={t.part}
          value={props.sessionId === null ? "" : String(props.sessionId)}
          options={[
            { value: "", label: t.wholeGathering },
            ...props.sessions.map((s) => ({ value: String(s.id), label: sessionTitle(s) })),
          ]}
        />
        <div>
          <button class="ds-button" data-variant="secondary" type="submit">
            {t.show}
          </button>
        </div>
      </form>
      {props.chosenOnly ? <p class="ds-paragraph">{t.chosenOnly}</p> : null}
      <p class="ds-paragraph" data-testid="attendance-tally">
        {t.tally(count("present"), count("absent"), count("excused"), unmarked)}
      </p>
      {props.rows.length === 0 ? (
        <p class="ds-paragraph">{t.none}</p>
      ) : (
        <form method="post" action={action} class="stack">
          {props.sessionId !== null ? (
            <input type="hidden" name="okt" value={String(props.sessionId)} />
          ) : null}
          <DataTable
            label={t.participants}
            columns={[t.name, t.unit, t.municipality, t.attendanceTab]}
          >
            {props.rows.map((row) => {
              const name = `a-${row.registrationId}`;
              const shown = f.value(name) || props.marks.get(row.registrationId) || "";
              const error = f.error(name);
              return (
                <tr>
                  <td>{row.name}</td>
                  <Whereabouts lang={lang} row={row} />
                  <td>
                    <input
                      type="hidden"
                      name={`was-${row.registrationId}`}
                      value={props.marks.get(row.registrationId) ?? ""}
                    />
                    <fieldset
                      class="ds-fieldset attendance-marks"
                      aria-describedby={error ? `${name}-error` : undefined}
                    >
                      <legend class="ds-sr-only">{t.attendanceFor(row.name)}</legend>
                      {error ? (
                        <div
                          class="ds-validation-message"
                          data-field="validation"
                          id={`${name}-error`}
                        >
                          <span class="ds-sr-only">{m.form.errorPrefix} </span>
                          {error}
                        </div>
                      ) : null}
                      {ATTENDANCE.map((status, i) => {
                        const id = i === 0 ? name : `${name}-${status}`;
                        return (
                          <div class="ds-field">
                            <input
                              class="ds-input"
                              type="radio"
                              id={id}
                              name={name}
                              value={status}
                              checked={shown === status}
                            />
                            <label class="ds-label" for={id} data-weight="regular">
                              {t.statuses[status]}
                            </label>
                          </div>
                        );
                      })}
                    </fieldset>
                  </td>
                </tr>
              );
            })}
          </DataTable>
          <ButtonRow>
            <Button>{t.saveAttendance}</Button>
          </ButtonRow>
        </form>
      )}
    </Layout>
  );
}

/** Closing: the minutes and the number present; registration closes with it. */
export function ClosePage(props: {
  lang: Lang;
  gathering: Gathering;
  counted: number;
  now: Date;
  notice?: "closed" | "saved" | undefined;
  form?: FormState | undefined;
}) {
  const { lang, gathering: g } = props;
  const t = doorTexts[lang];
  const m = messages(lang);
  const state: FormState = props.form ?? {
    values: {
      minutes: g.minutes,
      presentCount: String(g.presentCount ?? props.counted),
    },
    errors: {},
  };
  const f = formView(lang, state, {
    labels: { minutes: t.minutes, presentCount: t.presentCount, gathering: t.closeTab },
    errors: errorsOf(lang),
  });
  const gatheringError = f.error("gathering");
  const started = props.now >= g.startsAt;
  return (
    <Layout
      lang={lang}
      title={t.closeTitle(titleOf(lang, g))}
      path={doorPath(g.id, "/avslutt")}
      hasErrors={f.hasErrors}
    >
      <DayTabs lang={lang} id={g.id} current="close" />
      <h1 class="ds-heading" data-size="xl">
        {t.closeTitle(titleOf(lang, g))}
      </h1>
      <p class="ds-paragraph lead">{t.closeLead}</p>
      {props.notice ? (
        <Notice color="success">
          {props.notice === "closed" ? t.closedNotice : t.closingSaved}
        </Notice>
      ) : null}
      <ErrorSummary t={m} items={f.summary} />
      {gatheringError ? (
        <Notice color="danger" id="gathering" focus>
          {gatheringError}
        </Notice>
      ) : null}
      {g.closedAt ? (
        <p class="ds-paragraph" data-testid="closed-on">
          {t.closedOn(formatDateTime(lang, g.closedAt))}
        </p>
      ) : null}
      {started ? (
        <form method="post" action={localPath(lang, doorPath(g.id, "/avslutt"))} class="stack">
          <Field
            t={m}
            {...f.bind("minutes")}
            hint={t.minutesHint}
            multiline
            rows={10}
            maxLength={closingLimits.minutes}
            required={false}
          />
          <Field
            t={m}
            {...f.bind("presentCount")}
            hint={t.presentHint(props.counted)}
            autocomplete="off"
            maxLength={6}
          />
          <ButtonRow>
            <Button>{g.closedAt ? t.saveClosing : t.close}</Button>
          </ButtonRow>
        </form>
      ) : (
        <p class="ds-paragraph">{t.notStartedYet(formatDateTime(lang, g.startsAt))}</p>
      )}
    </Layout>
  );
}
