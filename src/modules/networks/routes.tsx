import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { calendarHeaders } from "../../kernel/calendar";
import { confirmationsOf } from "../../kernel/child-guard-forms";
import { osloToday, osloTyped, parseOsloDateTime } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import {
  BadRequest,
  type FieldErrors,
  type FormValues,
  readForm,
  readFormAll,
} from "../../kernel/forms";
import { downloadHeaders } from "../../kernel/storage";
import { errorPage } from "../../web/error-pages";
import type { FormState } from "../../web/form-errors";
import type { Lang } from "../../web/i18n";
import { render } from "../../web/render";
import { cohortRef } from "../cohorts";
import { countyOfficesAt, municipalitiesAt, unitsByOrgNumber } from "../organisations";
import { programmeTitles } from "../programmes";
import { accessTo, coordinated, type Viewer } from "./access";
import {
  addReflection,
  DOCUMENT_MAX_BYTES,
  documentOf,
  reflectionsOf,
  shareDocument,
  timelineOf,
} from "./activity";
import {
  attendanceOf,
  cancelMeeting,
  meetingCalendarFile,
  meetingOf,
  planMeeting,
  recordAttendance,
  updateMeeting,
  writeMinutes,
} from "./meetings";
import {
  type Actor,
  addMembers,
  answerCoLead,
  candidatesFor,
  cohortsToLead,
  createNetwork,
  formerMembersOf,
  MEMBERS_PER_FORM,
  membersOf,
  municipalityNames,
  type NetworkSummary,
  networkCounts,
  networksOf,
  removeMember,
} from "./networks";
import { networkTexts } from "./texts";
import {
  MeetingPage,
  meetingPath,
  NetworkListPage,
  NetworkPage,
  NewNetworkPage,
  networkPath,
  PlanMeetingPage,
} from "./views";

const LIST = "/:lang{nb|nn|en}/nettverk";
const NETWORK = `${LIST}/:id{[0-9]{1,9}}`;
const MEETING = `${NETWORK}/moter/:meetingId{[0-9]{1,9}}`;

const viewer = (c: AppContext): Viewer => {
  const u = c.get("user")!;
  return { personId: u.personId, roles: u.roles };
};
const actorOf = (c: AppContext): Actor => ({
  ...viewer(c),
  now: deps(c).clock.now(),
  baseUrl: deps(c).linkBase,
});
const can = (c: AppContext, prefix: string) =>
  c.get("user")?.permissions.some((p) => p.startsWith(prefix)) ?? false;

/** "Pulje 3" with its programme's title, per cohort id. */
async function cohortLabels(c: AppContext, ids: number[]): Promise<Map<number, string>> {
  const { db } = deps(c);
  const lang = langOf(c);
  const refs = (await Promise.all([...new Set(ids)].map((id) => cohortRef(db, id)))).filter(
    (r) => r !== null,
  );
  const titles = await programmeTitles(
    db,
    lang,
    refs.map((r) => r.programmeId),
  );
  return new Map(
    refs.map((r) => [
      r.id,
      networkTexts[lang].cohortLabel(titles.get(r.programmeId) ?? "", r.number),
    ]),
  );
}

/** The network's summary, as the list has it. */
async function summaryOf(c: AppContext, id: number): Promise<NetworkSummary | null> {
  const all = await networksOf(deps(c).db, viewer(c));
  return all.networks.find((n) => n.id === id) ?? null;
}

/** The county office's counts: the municipalities of its counties (numbers only). */
async function officeCounts(c: AppContext) {
  const { db, clock } = deps(c);
  const offices = (c.get("user")?.roles ?? [])
    .filter((r) => r.role === "county-coordinator")
    .map((r) => r.orgId);
  if (offices.length === 0) return null;
  const today = osloToday(clock.now());
  const counties = (await countyOfficesAt(db, today, langOf(c)))
    .filter((o) => offices.includes(o.id))
    .flatMap((o) => o.countyCodes);
  const municipalities = (await municipalitiesAt(db, today))
    .filter((m) => counties.includes(m.countyCode))
    .map((m) => m.code);
  return networkCounts(db, municipalities, clock.now());
}

async function showList(c: AppContext, form?: FormState) {
  const { db, clock } = deps(c);
  const { networks, invitations } = await networksOf(db, viewer(c));
  const counts = await officeCounts(c);
  const codes = [
    ...networks.flatMap((n) => n.municipalities.map((m) => m.code)),
    ...invitations.map((n) => n.leadMunicipality),
    ...(counts ?? []).map((x) => x.code),
  ];
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <NetworkListPage
      lang={langOf(c)}
      networks={networks}
      invitations={invitations}
      names={await municipalityNames(db, [...new Set(codes)], clock.now())}
      cohortLabels={
        await cohortLabels(
          c,
          [...networks, ...invitations].map((n) => n.cohortId),
        )
      }
      mayCreate={can(c, "lead:network:")}
      counts={counts}
      {...(form ? { form } : {})}
    />,
    form ? 422 : 200,
  );
}

async function showNew(c: AppContext, form: FormState = { values: {}, errors: {} }) {
  const { db, clock } = deps(c);
  const mine = coordinated(viewer(c));
  const names = await municipalityNames(db, mine, clock.now());
  const cohorts = [];
  for (const m of mine) for (const x of await cohortsToLead(db, m)) cohorts.push(x);
  const labels = await cohortLabels(
    c,
    cohorts.map((x) => x.id),
  );
  const options = [...new Map(cohorts.map((x) => [x.id, x])).values()].map((x) => ({
    value: String(x.id),
    label: labels.get(x.id) ?? String(x.number),
  }));
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <NewNetworkPage
      lang={langOf(c)}
      cohorts={options}
      municipalities={mine.map((m) => ({ value: m, label: names.get(m) ?? m }))}
      form={form}
    />,
    Object.keys(form.errors).length > 0 || form.warnings ? 422 : 200,
  );
}

async function showNetwork(c: AppContext, opts: { notice?: string; form?: FormState } = {}) {
  const { db, clock } = deps(c);
  const id = Number(c.req.param("id"));
  const access = await accessTo(db, id, viewer(c));
  if (!access) return errorPage(c, "notFound");
  if (!access.reads) return errorPage(c, "notAllowed");
  const summary = (await summaryOf(c, id)) ?? {
    id,
    name: access.network.name,
    cohortId: access.network.cohortId,
    leadMunicipality: access.network.leadMunicipality,
    municipalities: access.leading.map((code) => ({ code, state: "accepted" })),
  };
  const members = await membersOf(db, id);
  const formerMembers = access.leads ? await formerMembersOf(db, id) : [];
  const candidates = access.leads ? await candidatesFor(db, id) : [];
  const codes = [
    ...summary.municipalities.map((m) => m.code),
    ...members.map((m) => m.municipalityCode),
  ];
  const units = [
    ...new Set(
      [...members, ...formerMembers]
        .map((m) => m.unitOrgNumber)
        .filter((u): u is string => u !== null),
    ),
  ];
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <NetworkPage
      lang={langOf(c)}
      network={summary}
      names={await municipalityNames(db, [...new Set(codes)], clock.now())}
      cohortLabel={(await cohortLabels(c, [summary.cohortId])).get(summary.cohortId) ?? ""}
      members={members}
      formerMembers={formerMembers}
      unitNames={new Map((await unitsByOrgNumber(db, units)).map((u) => [u.orgNumber, u.name]))}
      leads={access.leads}
      takesPart={access.takesPart}
      candidates={candidates}
      timeline={await timelineOf(db, id)}
      documentMaxBytes={DOCUMENT_MAX_BYTES}
      notice={opts.notice}
      {...(opts.form ? { form: opts.form } : {})}
    />,
    opts.form ? 422 : 200,
  );
}

async function showPlan(
  c: AppContext,
  form: FormState = { values: {}, errors: {} },
  editing = false,
) {
  const { db, clock } = deps(c);
  const id = Number(c.req.param("id"));
  const access = await accessTo(db, id, viewer(c));
  if (!access) return errorPage(c, "notFound");
  if (!access.reads) return errorPage(c, "notAllowed");
  if (!access.leads) return errorPage(c, "notAllowed");
  const meeting = editing ? await meetingOf(db, id, Number(c.req.param("meetingId"))) : null;
  if (editing && !meeting) return errorPage(c, "notFound");
  // A meeting that has begun or is cancelled is not changed: its page says so.
  if (meeting && (meeting.cancelledAt || clock.now() >= meeting.startsAt))
    return c.redirect(`/${langOf(c)}${meetingPath(id, meeting.id)}`, 303);
  const summary = (await summaryOf(c, id))!;
  const values =
    meeting && Object.keys(form.values).length === 0
      ? {
          title: meeting.title,
          startsAt: osloTyped(meeting.startsAt),
          endsAt: osloTyped(meeting.endsAt),
          place: meeting.place,
          digitalLink: meeting.digitalLink,
          agenda: meeting.agenda,
          sequence: String(meeting.sequence),
        }
      : form.values;
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <PlanMeetingPage
      lang={langOf(c)}
      network={summary}
      form={{ ...form, values }}
      {...(meeting ? { meeting } : {})}
    />,
    Object.keys(form.errors).length > 0 || form.warnings ? 422 : 200,
  );
}

async function showMeeting(c: AppContext, opts: { notice?: string; form?: FormState } = {}) {
  const { db, clock } = deps(c);
  const id = Number(c.req.param("id"));
  const access = await accessTo(db, id, viewer(c));
  if (!access) return errorPage(c, "notFound");
  if (!access.reads) return errorPage(c, "notAllowed");
  const meeting = await meetingOf(db, id, Number(c.req.param("meetingId")));
  if (!meeting) return errorPage(c, "notFound");
  const summary = (await summaryOf(c, id))!;
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <MeetingPage
      lang={langOf(c)}
      network={summary}
      meeting={meeting}
      members={await membersOf(db, id)}
      attended={await attendanceOf(db, meeting.id)}
      reflections={await reflectionsOf(db, [meeting.id])}
      leads={access.leads}
      takesPart={access.takesPart}
      now={clock.now()}
      notice={opts.notice}
      {...(opts.form ? { form: opts.form } : {})}
    />,
    opts.form ? 422 : 200,
  );
}

/** The names of a form's ticked boxes with this prefix (`person-12`, `member-3`). */
function ticked(raw: FormValues, pattern: RegExp, max: number): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!pattern.test(key)) continue;
    if (value !== "yes" && value !== "") throw new BadRequest("box");
    if (value === "yes") keys.push(key);
  }
  if (keys.length > max) throw new BadRequest("too many");
  return keys;
}

const notice = (c: AppContext, lang: Lang) => {
  const t = networkTexts[lang];
  const done = c.req.query("melding");
  const n = Number(c.req.query("antall") ?? "0");
  if (!Number.isInteger(n) || n < 0 || n > 100000) return undefined;
  switch (done) {
    case "opprettet":
      return t.created;
    case "lagt-til":
      return t.added(n);
    case "planlagt":
      return t.planned(n);
    case "dokument":
      return t.documentShared;
    case "oppmote":
      return t.attendanceSaved;
    case "referat":
      return t.minutesSaved;
    case "refleksjon":
      return t.reflectionSaved;
    case "fjernet":
      return t.removed;
    case "endret":
      return t.changed(n);
    case "avlyst":
      return t.cancelled(n);
    default:
      return undefined;
  }
};

export function networkRoutes() {
  const app = new Hono<AppEnv>();
  // Every route: someone whose roles read networks at all; the network itself decides the rest.
  app.use(`${LIST}/*`, async (c, next) => {
    if (!can(c, "read:network:")) return errorPage(c, "notAllowed");
    return next();
  });
  app.use(LIST, async (c, next) => {
    if (!can(c, "read:network:")) return errorPage(c, "notAllowed");
    return next();
  });

  app.get(LIST, (c) => showList(c));

  app.get(`${LIST}/ny`, (c) => {
    if (!can(c, "lead:network:")) return errorPage(c, "notAllowed");
    return showNew(c);
  });

  app.post(`${LIST}/ny`, async (c) => {
    if (!can(c, "lead:network:")) return errorPage(c, "notAllowed");
    const raw = await readForm(c);
    const errors: FieldErrors = {};
    const coLeads = (raw.coLeads ?? "").split(/[\s,;]+/).filter((x) => x !== "");
    if (coLeads.some((m) => !/^[0-9]{4}$/.test(m))) errors.coLeads = { code: "municipalityCodes" };
    const cohortId = /^[0-9]{1,9}$/.test(raw.cohort ?? "") ? Number(raw.cohort) : null;
    if (cohortId === null) errors.cohort = { code: "choice" };
    if (Object.keys(errors).length > 0 || cohortId === null)
      return showNew(c, { values: raw, errors });
    const done = await createNetwork(
      deps(c).db,
      { cohortId, municipality: raw.municipality ?? "", name: raw.name ?? "", coLeads },
      actorOf(c),
    );
    if (!done.ok) return showNew(c, { values: raw, errors: done.errors });
    return c.redirect(`/${langOf(c)}${networkPath(done.networkId)}?melding=opprettet`, 303);
  });

  app.post(`${NETWORK}/svar`, async (c) => {
    if (!can(c, "lead:network:")) return errorPage(c, "notAllowed");
    const raw = await readForm(c);
    const answer = raw.answer;
    if (answer !== "accept" && answer !== "decline") throw new BadRequest("answer");
    const id = Number(c.req.param("id"));
    const { networks, invitations } = await networksOf(deps(c).db, viewer(c));
    const invited = invitations.find((n) => n.id === id);
    if (!invited) {
      if (networks.some((n) => n.id === id))
        return showList(c, { values: {}, errors: { answer: { code: "notInvited" } } });
      return errorPage(c, (await accessTo(deps(c).db, id, viewer(c))) ? "notAllowed" : "notFound");
    }
    const mine = coordinated(viewer(c));
    const municipality = invited.municipalities.find(
      (m) => m.state === "invited" && mine.includes(m.code),
    )!.code;
    const done = await answerCoLead(
      deps(c).db,
      { networkId: id, municipality, answer },
      actorOf(c),
    );
    if (!done.ok) {
      if (done.errors.network) return errorPage(c, "notFound");
      return showList(c, { values: {}, errors: done.errors });
    }
    return c.redirect(
      answer === "accept" ? `/${langOf(c)}${networkPath(id)}` : `/${langOf(c)}/nettverk`,
      303,
    );
  });

  app.get(NETWORK, (c) => showNetwork(c, { notice: notice(c, langOf(c)) }));

  app.post(`${NETWORK}/medlemmer`, async (c) => {
    const raw = await readForm(c);
    const keys = ticked(
      raw,
      /^(person-[0-9]{1,9}|contact-[0-9]{4}-[a-z-]{1,20})$/,
      MEMBERS_PER_FORM,
    );
    const id = Number(c.req.param("id"));
    const done = await addMembers(deps(c).db, { networkId: id, keys }, actorOf(c));
    if (!done.ok) {
      if (done.errors.network)
        return errorPage(c, done.errors.network.code === "notFound" ? "notFound" : "notAllowed");
      return showNetwork(c, { form: { values: raw, errors: done.errors } });
    }
    return c.redirect(`/${langOf(c)}${networkPath(id)}?melding=lagt-til&antall=${done.added}`, 303);
  });

  app.post(`${NETWORK}/medlemmer/:memberId{[0-9]{1,9}}/fjern`, async (c) => {
    const id = Number(c.req.param("id"));
    const done = await removeMember(
      deps(c).db,
      { networkId: id, memberId: Number(c.req.param("memberId")) },
      actorOf(c),
    );
    if (!done.ok) {
      if (done.errors.network)
        return errorPage(c, done.errors.network.code === "notFound" ? "notFound" : "notAllowed");
      return showNetwork(c, { form: { values: {}, errors: done.errors } });
    }
    return c.redirect(`/${langOf(c)}${networkPath(id)}?melding=fjernet`, 303);
  });

  app.post(
    `${NETWORK}/dokumenter`,
    bodyLimit({
      maxSize: DOCUMENT_MAX_BYTES + 256 * 1024,
      onError: (c) =>
        showNetwork(c as AppContext, {
          form: {
            values: {},
            errors: { document: { code: "fileSize", params: { maxBytes: DOCUMENT_MAX_BYTES } } },
          },
        }).then((r) => new Response(r.body, { status: 413, headers: r.headers })),
    }),
    async (c) => {
      const body = await readFormAll(c);
      const posted = body.document?.[0];
      const chosen = posted instanceof File && (posted.name !== "" || posted.size > 0);
      const id = Number(c.req.param("id"));
      const done = await shareDocument(
        deps(c).db,
        deps(c).files,
        {
          networkId: id,
          name: chosen ? posted.name : "",
          bytes: chosen ? new Uint8Array(await posted.arrayBuffer()) : new Uint8Array(),
        },
        actorOf(c),
      );
      if (!done.ok) {
        if (done.errors.network)
          return errorPage(c, done.errors.network.code === "notFound" ? "notFound" : "notAllowed");
        if (done.errors.document?.code === "notMember") return errorPage(c, "notAllowed");
        return showNetwork(c, { form: { values: {}, errors: done.errors } });
      }
      return c.redirect(`/${langOf(c)}${networkPath(id)}?melding=dokument`, 303);
    },
  );

  app.get(`${NETWORK}/dokumenter/:documentId{[0-9]{1,9}}`, async (c) => {
    const { db, files } = deps(c);
    const id = Number(c.req.param("id"));
    const access = await accessTo(db, id, viewer(c));
    if (!access) return errorPage(c, "notFound");
    if (!access.reads) return errorPage(c, "notAllowed");
    const doc = await documentOf(db, id, Number(c.req.param("documentId")));
    if (!doc) return errorPage(c, "notFound");
    const bytes = await files.get(doc.fileKey);
    if (!bytes) return errorPage(c, "notFound");
    return c.body(new Uint8Array(bytes), 200, {
      ...downloadHeaders(doc),
      "X-Content-Type-Options": "nosniff",
    });
  });

  app.get(`${NETWORK}/moter/ny`, (c) => showPlan(c));

  app.post(`${NETWORK}/moter/ny`, async (c) => {
    const raw = await readForm(c);
    const id = Number(c.req.param("id"));
    const access = await accessTo(deps(c).db, id, viewer(c));
    if (!access) return errorPage(c, "notFound");
    if (!access.reads) return errorPage(c, "notAllowed");
    if (!access.leads) return errorPage(c, "notAllowed");
    const time = (name: string) => parseOsloDateTime(raw[name] ?? "");
    const errors: FieldErrors = {};
    for (const f of ["startsAt", "endsAt"])
      if (!time(f)) errors[f] = { code: (raw[f] ?? "").trim() === "" ? "required" : "dateTime" };
    const done = await planMeeting(
      deps(c).db,
      id,
      {
        title: raw.title ?? "",
        startsAt: time("startsAt"),
        endsAt: time("endsAt"),
        place: raw.place ?? "",
        digitalLink: raw.digitalLink ?? "",
        agenda: raw.agenda ?? "",
        confirmations: confirmationsOf(raw),
      },
      actorOf(c),
    );
    if (!done.ok) {
      return showPlan(c, {
        values: raw,
        errors: { ...done.errors, ...errors },
        ...(done.warnings ? { warnings: done.warnings } : {}),
      });
    }
    deps(c).onJobQueued();
    return c.redirect(
      `/${langOf(c)}${networkPath(id, `/moter/${done.meetingId}`)}?melding=planlagt&antall=${done.invited}`,
      303,
    );
  });

  app.get(MEETING, (c) => showMeeting(c, { notice: notice(c, langOf(c)) }));

  app.get(`${MEETING}/endre`, (c) => showPlan(c, undefined, true));

  app.post(`${MEETING}/endre`, async (c) => {
    const raw = await readForm(c);
    const id = Number(c.req.param("id"));
    const meetingId = Number(c.req.param("meetingId"));
    if (!/^[0-9]{1,9}$/.test(raw.sequence ?? "")) throw new BadRequest("sequence");
    const time = (name: string) => parseOsloDateTime(raw[name] ?? "");
    const errors: FieldErrors = {};
    for (const f of ["startsAt", "endsAt"])
      if (!time(f)) errors[f] = { code: (raw[f] ?? "").trim() === "" ? "required" : "dateTime" };
    const done = await updateMeeting(
      deps(c).db,
      {
        networkId: id,
        meetingId,
        sequence: Number(raw.sequence),
        title: raw.title ?? "",
        startsAt: time("startsAt"),
        endsAt: time("endsAt"),
        place: raw.place ?? "",
        digitalLink: raw.digitalLink ?? "",
        agenda: raw.agenda ?? "",
        confirmations: confirmationsOf(raw),
      },
      actorOf(c),
    );
    if (!done.ok) {
      const e = done.errors;
      if (e.network?.code === "notFound" || e.meeting) return errorPage(c, "notFound");
      if (e.network) return errorPage(c, "notAllowed");
      if (e.title?.code === "meetingStarted" || e.title?.code === "meetingCancelled")
        return showMeeting(c, { form: { values: {}, errors: { cancel: e.title } } });
      // Changed meanwhile: the form keeps what was typed and now carries the new sequence.
      const fresh =
        e.title?.code === "changedMeanwhile" ? await meetingOf(deps(c).db, id, meetingId) : null;
      return showPlan(
        c,
        {
          values: fresh ? { ...raw, sequence: String(fresh.sequence) } : raw,
          errors: { ...e, ...errors },
          ...(done.warnings ? { warnings: done.warnings } : {}),
        },
        true,
      );
    }
    deps(c).onJobQueued();
    return c.redirect(
      `/${langOf(c)}${meetingPath(id, meetingId)}?melding=endret&antall=${done.informed}`,
      303,
    );
  });

  app.get(`${MEETING}/kalender.ics`, async (c) => {
    const { db, linkBase } = deps(c);
    const id = Number(c.req.param("id"));
    const access = await accessTo(db, id, viewer(c));
    if (!access) return errorPage(c, "notFound");
    if (!access.reads) return errorPage(c, "notAllowed");
    const meeting = await meetingOf(db, id, Number(c.req.param("meetingId")));
    if (!meeting) return errorPage(c, "notFound");
    const ics = meetingCalendarFile(meeting, access.network.name, {
      lang: langOf(c),
      baseUrl: linkBase,
    });
    return c.body(ics, 200, calendarHeaders(`nettverksmote-${meeting.id}.ics`, "attachment"));
  });

  /** A meeting's form posted: the command's refusal shown on the meeting page, else on to it. */
  const meetingPost =
    (
      act: (
        c: AppContext,
        raw: FormValues,
        ids: { networkId: number; meetingId: number },
      ) => Promise<
        { ok: true } | { ok: false; errors: FieldErrors; warnings?: FormState["warnings"] }
      >,
      done: (c: AppContext) => string,
    ) =>
    async (c: AppContext) => {
      const raw = await readForm(c);
      const ids = {
        networkId: Number(c.req.param("id")),
        meetingId: Number(c.req.param("meetingId")),
      };
      const result = await act(c, raw, ids);
      if (!result.ok) {
        const e = result.errors;
        if (e.network?.code === "notFound") return errorPage(c, "notFound");
        if (e.network) return errorPage(c, "notAllowed");
        if (e.meeting) return errorPage(c, "notFound");
        if (e.reflection?.code === "notMember") return errorPage(c, "notAllowed");
        return showMeeting(c, {
          form: {
            values: raw,
            errors: e,
            ...(result.warnings ? { warnings: result.warnings } : {}),
          },
        });
      }
      return c.redirect(
        `/${langOf(c)}${networkPath(ids.networkId, `/moter/${ids.meetingId}`)}?melding=${done(c)}`,
        303,
      );
    };

  app.post(`${MEETING}/avlys`, async (c) => {
    const ids = {
      networkId: Number(c.req.param("id")),
      meetingId: Number(c.req.param("meetingId")),
    };
    const done = await cancelMeeting(deps(c).db, ids, actorOf(c));
    if (!done.ok) {
      const e = done.errors;
      if (e.network?.code === "notFound" || e.meeting) return errorPage(c, "notFound");
      if (e.network) return errorPage(c, "notAllowed");
      return showMeeting(c, { form: { values: {}, errors: e } });
    }
    deps(c).onJobQueued();
    return c.redirect(
      `/${langOf(c)}${meetingPath(ids.networkId, ids.meetingId)}?melding=avlyst&antall=${done.informed}`,
      303,
    );
  });

  app.post(
    `${MEETING}/oppmote`,
    meetingPost(
      (c, raw, ids) =>
        recordAttendance(
          deps(c).db,
          {
            ...ids,
            memberIds: ticked(raw, /^member-[0-9]{1,9}$/, MEMBERS_PER_FORM).map((k) =>
              Number(k.slice("member-".length)),
            ),
          },
          actorOf(c),
        ),
      () => "oppmote",
    ),
  );

  app.post(
    `${MEETING}/referat`,
    meetingPost(
      (c, raw, ids) =>
        writeMinutes(
          deps(c).db,
          { ...ids, minutes: raw.minutes ?? "", confirmations: confirmationsOf(raw) },
          actorOf(c),
        ),
      () => "referat",
    ),
  );

  app.post(
    `${MEETING}/refleksjoner`,
    meetingPost(
      (c, raw, ids) =>
        addReflection(
          deps(c).db,
          { ...ids, text: raw.reflection ?? "", confirmations: confirmationsOf(raw) },
          actorOf(c),
        ),
      () => "refleksjon",
    ),
  );

  return app;
}
