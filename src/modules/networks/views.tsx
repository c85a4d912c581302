import { Breadcrumbs } from "../../web/components/breadcrumbs";
import {
  Button,
  ErrorSummary,
  Field,
  FileField,
  Select,
  SubmitRow,
  ValidationMessage,
} from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { type FormState, formView } from "../../web/form-errors";
import { formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import type { Reflection, TimelineEntry } from "./activity";
import type { Meeting } from "./meetings";
import { meetingLimits } from "./meetings";
import type { Candidate, Member, NetworkSummary } from "./networks";
import { networkLimits } from "./networks";
import { networkErrors, networkTexts } from "./texts";

export const networksPath = "/nettverk";
export const networkPath = (id: number, rest = "") => `/nettverk/${id}${rest}`;
export const meetingPath = (networkId: number, meetingId: number, rest = "") =>
  `/nettverk/${networkId}/moter/${meetingId}${rest}`;

type Names = Map<string, string>;
const nameOf = (names: Names, code: string) => names.get(code) ?? code;

function leadText(lang: Lang, n: NetworkSummary, names: Names) {
  const t = networkTexts[lang];
  return n.municipalities
    .filter((m) => m.state === "lead" || m.state === "accepted" || m.state === "invited")
    .map((m) => `${nameOf(names, m.code)} (${t.coLeadStates[m.state] ?? m.state})`)
    .join(", ");
}

export function NetworkListPage(props: {
  lang: Lang;
  networks: NetworkSummary[];
  invitations: NetworkSummary[];
  names: Names;
  cohortLabels: Map<number, string>;
  mayCreate: boolean;
  counts: { code: string; networks: number; meetingsHeld: number }[] | null;
  form?: FormState;
}) {
  const { lang, names } = props;
  const t = networkTexts[lang];
  const m = messages(lang);
  const form = formView(lang, props.form, {
    labels: { answer: t.invitationsHeading },
    errors: networkErrors[lang],
  });
  return (
    <Layout lang={lang} title={t.title} path={networksPath} hasErrors={form.hasErrors}>
      <ErrorSummary t={m} items={form.summary} />
      <h1 class="ds-heading" data-size="xl">
        {t.title}
      </h1>
      <p class="ds-paragraph lead">{t.lead}</p>
      {props.mayCreate ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={localPath(lang, `${networksPath}/ny`)}>
            {t.create}
          </a>
        </p>
      ) : null}
      {props.invitations.length > 0 ? (
        <section aria-labelledby="invitations">
          <h2 class="ds-heading" data-size="md" id="invitations">
            {t.invitationsHeading}
          </h2>
          <ValidationMessage t={m} id="answer-error" text={form.error("answer")} />
          {props.invitations.map((n) => (
            <div class="ds-card" data-color="neutral">
              <h3 class="ds-heading" data-size="sm">
                {n.name}
              </h3>
              <p class="ds-paragraph">{t.invitationLead(nameOf(names, n.leadMunicipality))}</p>
              <p class="ds-paragraph" data-size="sm">
                {props.cohortLabels.get(n.cohortId) ?? ""}
              </p>
              <form method="post" action={localPath(lang, networkPath(n.id, "/svar"))} id="answer">
                <div class="button-row">
                  <Button name="answer" value="accept">
                    {t.accept}
                  </Button>
                  <Button name="answer" value="decline" variant="secondary">
                    {t.decline}
                  </Button>
                </div>
              </form>
            </div>
          ))}
        </section>
      ) : null}
      {props.networks.length === 0 && props.counts === null ? (
        <p class="ds-paragraph">{t.none}</p>
      ) : (
        <ul class="ds-list">
          {props.networks.map((n) => (
            <li>
              <a class="ds-link" href={localPath(lang, networkPath(n.id))}>
                {n.name}
              </a>{" "}
              – {props.cohortLabels.get(n.cohortId) ?? ""}. {t.leadBy}: {leadText(lang, n, names)}
            </li>
          ))}
        </ul>
      )}
      {props.counts !== null ? (
        <section aria-labelledby="counts">
          <h2 class="ds-heading" data-size="md" id="counts">
            {t.countsHeading}
          </h2>
          <p class="ds-paragraph">{t.countsLead}</p>
          {props.counts.length === 0 ? (
            <p class="ds-paragraph">{t.noCounts}</p>
          ) : (
            <table class="ds-table">
              <thead>
                <tr>
                  <th scope="col">{t.municipality}</th>
                  <th scope="col">{t.networks}</th>
                  <th scope="col">{t.meetingsHeld}</th>
                </tr>
              </thead>
              <tbody>
                {props.counts.map((c) => (
                  <tr>
                    <th scope="row">{nameOf(names, c.code)}</th>
                    <td>{c.networks}</td>
                    <td>{c.meetingsHeld}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </Layout>
  );
}

export function NewNetworkPage(props: {
  lang: Lang;
  cohorts: { value: string; label: string }[];
  municipalities: { value: string; label: string }[];
  form: FormState;
}) {
  const { lang } = props;
  const t = networkTexts[lang];
  const m = messages(lang);
  const form = formView(lang, props.form, {
    labels: {
      municipality: t.leadMunicipality,
      name: t.name,
      cohort: t.cohort,
      coLeads: t.coLeads,
    },
    errors: networkErrors[lang],
  });
  return (
    <Layout lang={lang} title={t.newTitle} path={`${networksPath}/ny`} hasErrors={form.hasErrors}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: networksPath, text: t.title },
          { href: `${networksPath}/ny`, text: t.newTitle },
        ]}
      />
      <ErrorSummary t={m} items={form.summary} />
      <h1 class="ds-heading" data-size="xl">
        {t.newTitle}
      </h1>
      {props.cohorts.length === 0 ? (
        <p class="ds-paragraph">{t.noCohort}</p>
      ) : (
        <form method="post" action={localPath(lang, `${networksPath}/ny`)}>
          <p class="ds-paragraph">{t.newLead}</p>
          {props.municipalities.length > 1 ? (
            <Select t={m} {...form.bind("municipality")} options={props.municipalities} />
          ) : (
            <input type="hidden" name="municipality" value={props.municipalities[0]?.value ?? ""} />
          )}
          <Field t={m} {...form.bind("name")} hint={t.nameHint} maxLength={networkLimits.name} />
          <Select t={m} {...form.bind("cohort")} options={props.cohorts} />
          <Field t={m} {...form.bind("coLeads")} hint={t.coLeadsHint} required={false} />
          <SubmitRow>{t.save}</SubmitRow>
        </form>
      )}
    </Layout>
  );
}

function memberLine(
  lang: Lang,
  mem: { kind: string; name: string; role?: string },
  unit: string | null,
) {
  const t = networkTexts[lang];
  const role = mem.role ? (t.roles[mem.role] ?? mem.role) : (t.memberKinds[mem.kind] ?? mem.kind);
  return `${mem.name} (${role}${unit ? `, ${unit}` : ""})`;
}

const typesText = "PDF, DOCX, XLSX, ODT, PNG, JPEG";

export function NetworkPage(props: {
  lang: Lang;
  network: NetworkSummary;
  names: Names;
  cohortLabel: string;
  members: Member[];
  formerMembers: Member[];
  unitNames: Names;
  leads: boolean;
  takesPart: boolean;
  candidates: Candidate[];
  timeline: TimelineEntry[];
  documentMaxBytes: number;
  notice?: string | undefined;
  form?: FormState;
}) {
  const { lang, network: n } = props;
  const t = networkTexts[lang];
  const m = messages(lang);
  const labels: Record<string, string> = {
    members: t.membersLegend,
    document: t.document,
    network: t.title,
  };
  const form = formView(lang, props.form, { labels, errors: networkErrors[lang] });
  const firstCandidate = props.candidates[0]?.key ?? "members";
  const summary = form.summary.map((item) =>
    item.href === "#members" ? { ...item, href: `#${firstCandidate}` } : item,
  );
  const membersError = form.error("members");
  return (
    <Layout lang={lang} title={n.name} path={networkPath(n.id)} hasErrors={form.hasErrors}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: networksPath, text: t.title },
          { href: networkPath(n.id), text: n.name },
        ]}
      />
      <ErrorSummary t={m} items={summary} />
      {props.notice ? <Notice color="success">{props.notice}</Notice> : null}
      <h1 class="ds-heading" data-size="xl">
        {n.name}
      </h1>
      <p class="ds-paragraph lead">
        {props.cohortLabel}. {t.leadBy}: {leadText(lang, n, props.names)}
      </p>
      {props.leads ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={localPath(lang, networkPath(n.id, "/moter/ny"))}>
            {t.planMeeting}
          </a>
        </p>
      ) : null}

      <section aria-labelledby="timeline">
        <h2 class="ds-heading" data-size="md" id="timeline">
          {t.timelineHeading}
        </h2>
        {props.timeline.length === 0 ? (
          <p class="ds-paragraph">{t.timelineEmpty}</p>
        ) : (
          <ol class="ds-list timeline">
            {props.timeline.map((e) => (
              <li>
                <TimelineItem lang={lang} networkId={n.id} entry={e} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="members-heading">
        <h2 class="ds-heading" data-size="md" id="members-heading">
          {t.membersHeading}
        </h2>
        {props.members.length === 0 ? (
          <p class="ds-paragraph">{t.noMembers}</p>
        ) : (
          <ul class="ds-list members">
            {props.members.map((mem) => (
              <li>
                {memberLine(
                  lang,
                  { kind: mem.kind, name: mem.name },
                  mem.unitOrgNumber
                    ? nameOf(props.unitNames, mem.unitOrgNumber)
                    : nameOf(props.names, mem.municipalityCode),
                )}
                {props.leads ? (
                  <form
                    method="post"
                    class="inline-form"
                    action={localPath(lang, networkPath(n.id, `/medlemmer/${mem.id}/fjern`))}
                  >
                    <button
                      class="ds-button"
                      data-variant="tertiary"
                      data-size="sm"
                      type="submit"
                      aria-label={t.removeLabel(mem.name)}
                    >
                      {t.remove}
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {props.formerMembers.length > 0 ? (
          <>
            <h3 class="ds-heading" data-size="xs">
              {t.formerMembersHeading}
            </h3>
            <ul class="ds-list">
              {props.formerMembers.map((mem) => (
                <li>
                  {memberLine(
                    lang,
                    { kind: mem.kind, name: mem.name },
                    mem.unitOrgNumber
                      ? nameOf(props.unitNames, mem.unitOrgNumber)
                      : nameOf(props.names, mem.municipalityCode),
                  )}
                  , {t.removedOn(formatDateTime(lang, mem.removedAt!))}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {props.leads ? (
        <section aria-labelledby="add-members">
          <h2 class="ds-heading" data-size="md" id="add-members">
            {t.addMembersHeading}
          </h2>
          {props.candidates.length === 0 && !membersError ? (
            <p class="ds-paragraph">{t.noCandidates}</p>
          ) : (
            <form method="post" action={localPath(lang, networkPath(n.id, "/medlemmer"))}>
              <fieldset
                class="ds-fieldset"
                aria-describedby={`members-hint${membersError ? " members-error" : ""}`}
              >
                <legend class="ds-label">{t.membersLegend}</legend>
                <p class="ds-paragraph" data-size="sm" id="members-hint">
                  {t.addMembersLead}
                </p>
                <ValidationMessage t={m} id="members-error" text={membersError} />
                {props.candidates.map((c) => (
                  <div class="ds-field">
                    <input
                      class="ds-input"
                      type="checkbox"
                      id={c.key}
                      name={c.key}
                      value="yes"
                      checked={form.value(c.key) === "yes"}
                    />
                    <label class="ds-label" for={c.key} data-weight="regular">
                      {memberLine(lang, c, c.unitName ?? nameOf(props.names, c.municipalityCode))}
                    </label>
                  </div>
                ))}
              </fieldset>
              <SubmitRow>{t.addMembers}</SubmitRow>
            </form>
          )}
        </section>
      ) : null}

      {props.takesPart ? (
        <section aria-labelledby="share">
          <h2 class="ds-heading" data-size="md" id="share">
            {t.documentsHeading}
          </h2>
          <form
            method="post"
            action={localPath(lang, networkPath(n.id, "/dokumenter"))}
            enctype="multipart/form-data"
          >
            <FileField
              t={m}
              {...form.bind("document")}
              hint={t.documentHint(typesText, Math.round(props.documentMaxBytes / 1024 / 1024))}
              accept=".pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg"
              maxBytes={props.documentMaxBytes}
              tooLarge={
                networkErrors[lang].fileSize instanceof Function
                  ? networkErrors[lang].fileSize({
                      label: t.document,
                      max: 0,
                      params: { maxBytes: props.documentMaxBytes },
                    })
                  : ""
              }
            />
            <SubmitRow variant="secondary">{t.share}</SubmitRow>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

function TimelineItem(props: { lang: Lang; networkId: number; entry: TimelineEntry }) {
  const { lang, entry: e } = props;
  const t = networkTexts[lang];
  const at = formatDateTime(lang, e.at);
  if (e.kind === "document")
    return (
      <p class="ds-paragraph">
        <strong>{t.entry.document(e.document.uploaderName)}</strong> ({at}):{" "}
        <a
          class="ds-link"
          href={localPath(lang, networkPath(props.networkId, `/dokumenter/${e.document.id}`))}
        >
          {e.document.name}
        </a>
      </p>
    );
  const link = (
    <a class="ds-link" href={localPath(lang, meetingPath(props.networkId, e.meeting.id))}>
      {e.meeting.title}
    </a>
  );
  if (e.kind === "meeting")
    return (
      <p class="ds-paragraph">
        <strong>{t.entry.meeting}</strong> ({at}): {link}
        {e.meeting.cancelledAt ? ` (${t.cancelledTag})` : ""}
      </p>
    );
  if (e.kind === "minutes")
    return (
      <div>
        <p class="ds-paragraph">
          <strong>{t.entry.minutes}</strong> ({at}): {link}
        </p>
        <p class="ds-paragraph pre">{e.meeting.minutes}</p>
      </div>
    );
  return (
    <div>
      <p class="ds-paragraph">
        <strong>{t.entry.reflection(e.reflection.authorName)}</strong> ({at}): {link}
      </p>
      <p class="ds-paragraph pre">{e.reflection.text}</p>
    </div>
  );
}

export function PlanMeetingPage(props: {
  lang: Lang;
  network: NetworkSummary;
  form: FormState;
  /** Changing this meeting (the form then carries its sequence), else planning a new one. */
  meeting?: Meeting;
}) {
  const { lang, network: n, meeting: editing } = props;
  const t = networkTexts[lang];
  const m = messages(lang);
  const form = formView(lang, props.form, {
    labels: {
      title: t.meetingTitle,
      startsAt: t.startsAt,
      endsAt: t.endsAt,
      place: t.place,
      digitalLink: t.digitalLink,
      agenda: t.agenda,
      network: t.title,
    },
    errors: networkErrors[lang],
  });
  const path = editing ? meetingPath(n.id, editing.id, "/endre") : networkPath(n.id, "/moter/ny");
  const heading = editing ? t.editTitle : t.planTitle;
  return (
    <Layout lang={lang} title={heading} path={path} hasErrors={form.hasErrors}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: networksPath, text: t.title },
          { href: networkPath(n.id), text: n.name },
          ...(editing ? [{ href: meetingPath(n.id, editing.id), text: editing.title }] : []),
          { href: path, text: heading },
        ]}
      />
      <ErrorSummary t={m} items={form.summary} warnings={form.warnings} />
      <h1 class="ds-heading" data-size="xl">
        {heading}
      </h1>
      <p class="ds-paragraph lead">{n.name}</p>
      <form method="post" action={localPath(lang, path)}>
        <p class="ds-paragraph">{editing ? t.editLead : t.planLead}</p>
        {editing ? (
          <input
            type="hidden"
            name="sequence"
            value={form.value("sequence") || String(editing.sequence)}
          />
        ) : null}
        <Field t={m} {...form.bind("title")} maxLength={meetingLimits.title} />
        <Field t={m} {...form.bind("startsAt")} hint={t.timeHint} />
        <Field t={m} {...form.bind("endsAt")} hint={t.timeHint} />
        <Field t={m} {...form.bind("place")} required={false} maxLength={meetingLimits.place} />
        <Field
          t={m}
          {...form.bind("digitalLink")}
          hint={t.digitalLinkHint}
          required={false}
          maxLength={meetingLimits.digitalLink}
        />
        <Field
          t={m}
          {...form.bind("agenda")}
          multiline
          rows={6}
          required={false}
          maxLength={meetingLimits.agenda}
        />
        <SubmitRow>{editing ? t.saveChanges : t.planTitle}</SubmitRow>
      </form>
    </Layout>
  );
}

export function MeetingPage(props: {
  lang: Lang;
  network: NetworkSummary;
  meeting: Meeting;
  members: Member[];
  attended: number[];
  reflections: Reflection[];
  /** The units' plan reflections tied to the meeting that the viewer may read (decision 0044). */
  planReflections: {
    id: number;
    cohortId: number;
    orgNumber: string;
    unitName: string;
    tried: string;
    saw: string;
    next: string;
    writtenAt: Date;
  }[];
  leads: boolean;
  takesPart: boolean;
  now: Date;
  notice?: string | undefined;
  form?: FormState;
}) {
  const { lang, network: n, meeting: mt } = props;
  const t = networkTexts[lang];
  const m = messages(lang);
  const form = formView(lang, props.form, {
    labels: {
      attendance: t.attendanceLegend,
      minutes: t.minutes,
      reflection: t.reflection,
      meeting: t.meetingsHeading,
      cancel: t.cancelHeading,
    },
    errors: networkErrors[lang],
  });
  const cancelled = mt.cancelledAt !== null;
  const started = !cancelled && props.now >= mt.startsAt;
  const ended = !cancelled && props.now >= mt.endsAt;
  const changeable = props.leads && !cancelled && props.now < mt.startsAt;
  const path = meetingPath(n.id, mt.id);
  const attendedSet = new Set(props.attended);
  return (
    <Layout lang={lang} title={mt.title} path={path} hasErrors={form.hasErrors}>
      <Breadcrumbs
        lang={lang}
        items={[
          { href: networksPath, text: t.title },
          { href: networkPath(n.id), text: n.name },
          { href: path, text: mt.title },
        ]}
      />
      <ErrorSummary t={m} items={form.summary} warnings={form.warnings} />
      {props.notice ? <Notice color="success">{props.notice}</Notice> : null}
      <h1 class="ds-heading" data-size="xl">
        {mt.title}
        {cancelled ? ` (${t.cancelledTag})` : ""}
      </h1>
      {cancelled ? (
        <Notice color="warning">{t.cancelledNote(formatDateTime(lang, mt.cancelledAt!))}</Notice>
      ) : null}
      {!changeable && form.error("cancel") ? (
        <div id="cancel">
          <ValidationMessage t={m} id="cancel-error" text={form.error("cancel")} />
        </div>
      ) : null}
      <dl class="facts">
        <dt>{t.when}</dt>
        <dd>
          {formatDateTime(lang, mt.startsAt)} – {formatDateTime(lang, mt.endsAt)}
        </dd>
        {mt.place ? (
          <>
            <dt>{t.where}</dt>
            <dd>{mt.place}</dd>
          </>
        ) : null}
        {mt.digitalLink ? (
          <>
            <dt>{t.digitalLink}</dt>
            <dd>
              <a class="ds-link" href={mt.digitalLink} rel="noopener noreferrer">
                {mt.digitalLink}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(lang, meetingPath(n.id, mt.id, "/kalender.ics"))}>
          {t.calendar}
        </a>
      </p>
      {changeable ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={localPath(lang, meetingPath(n.id, mt.id, "/endre"))}>
            {t.editMeeting}
          </a>
        </p>
      ) : null}
      {mt.agenda ? (
        <section aria-labelledby="agenda">
          <h2 class="ds-heading" data-size="md" id="agenda">
            {t.agenda}
          </h2>
          <p class="ds-paragraph pre">{mt.agenda}</p>
        </section>
      ) : null}

      <section aria-labelledby="attendance-heading">
        <h2 class="ds-heading" data-size="md" id="attendance-heading">
          {t.attendanceHeading}
        </h2>
        {started ? (
          <p class="ds-paragraph">{t.came(props.attended.length, props.members.length)}</p>
        ) : null}
        {props.leads ? (
          !started ? (
            <p class="ds-paragraph">{t.attendanceNotYet}</p>
          ) : (
            <form method="post" action={localPath(lang, meetingPath(n.id, mt.id, "/oppmote"))}>
              <fieldset class="ds-fieldset" id="attendance">
                <legend class="ds-label">{t.attendanceLegend}</legend>
                <ValidationMessage t={m} id="attendance-error" text={form.error("attendance")} />
                {props.members.map((x) => (
                  <div class="ds-field">
                    <input
                      class="ds-input"
                      type="checkbox"
                      id={`member-${x.id}`}
                      name={`member-${x.id}`}
                      value="yes"
                      checked={attendedSet.has(x.id)}
                    />
                    <label class="ds-label" for={`member-${x.id}`} data-weight="regular">
                      {x.name}
                    </label>
                  </div>
                ))}
              </fieldset>
              <SubmitRow variant="secondary">{t.saveAttendance}</SubmitRow>
            </form>
          )
        ) : null}
      </section>

      <section aria-labelledby="minutes-heading">
        <h2 class="ds-heading" data-size="md" id="minutes-heading">
          {t.minutesHeading}
        </h2>
        {mt.minutes ? (
          <p class="ds-paragraph pre">{mt.minutes}</p>
        ) : (
          <p class="ds-paragraph">{t.noMinutes}</p>
        )}
        {props.leads && started ? (
          <form method="post" action={localPath(lang, meetingPath(n.id, mt.id, "/referat"))}>
            <Field
              t={m}
              {...form.bind("minutes")}
              value={form.value("minutes") || mt.minutes}
              multiline
              rows={8}
              maxLength={meetingLimits.minutes}
            />
            <SubmitRow variant="secondary">{t.saveMinutes}</SubmitRow>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="reflections-heading">
        <h2 class="ds-heading" data-size="md" id="reflections-heading">
          {t.reflectionsHeading}
        </h2>
        {props.reflections.length === 0 ? (
          <p class="ds-paragraph">{t.noReflections}</p>
        ) : (
          <ul class="ds-list">
            {props.reflections.map((r) => (
              <li>
                <strong>{r.authorName}</strong> ({formatDateTime(lang, r.createdAt)})
                <p class="ds-paragraph pre">{r.text}</p>
              </li>
            ))}
          </ul>
        )}
        {props.takesPart ? (
          ended ? (
            <form method="post" action={localPath(lang, meetingPath(n.id, mt.id, "/refleksjoner"))}>
              <Field
                t={m}
                {...form.bind("reflection")}
                hint={t.reflectionHint}
                multiline
                rows={6}
                maxLength={4000}
              />
              <SubmitRow>{t.addReflection}</SubmitRow>
            </form>
          ) : (
            <p class="ds-paragraph">{t.reflectionNotYet}</p>
          )
        ) : null}
      </section>
      {props.planReflections.length > 0 ? (
        <section aria-labelledby="plan-reflections-heading">
          <h2 class="ds-heading" data-size="md" id="plan-reflections-heading">
            {t.planReflectionsHeading}
          </h2>
          <p class="ds-paragraph">{t.planReflectionsLead}</p>
          {props.planReflections.map((r) => (
            <article class="stack">
              <h3 class="ds-heading" data-size="xs">
                <a
                  class="ds-link"
                  href={localPath(lang, `/utviklingsarbeid/${r.cohortId}/${r.orgNumber}`)}
                >
                  {r.unitName}
                </a>{" "}
                ({formatDateTime(lang, r.writtenAt)})
              </h3>
              <dl class="facts">
                <div>
                  <dt>{t.planTried}</dt>
                  <dd class="pre">{r.tried}</dd>
                </div>
                <div>
                  <dt>{t.planSaw}</dt>
                  <dd class="pre">{r.saw}</dd>
                </div>
                <div>
                  <dt>{t.planNext}</dt>
                  <dd class="pre">{r.next}</dd>
                </div>
              </dl>
            </article>
          ))}
        </section>
      ) : null}
      {changeable ? (
        <section aria-labelledby="cancel-heading">
          <h2 class="ds-heading" data-size="md" id="cancel-heading">
            {t.cancelHeading}
          </h2>
          <p class="ds-paragraph">{t.cancelLead}</p>
          <ValidationMessage t={m} id="cancel-error" text={form.error("cancel")} />
          <form
            method="post"
            id="cancel"
            action={localPath(lang, meetingPath(n.id, mt.id, "/avlys"))}
          >
            <button class="ds-button" data-variant="secondary" data-color="danger" type="submit">
              {t.cancelButton}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
