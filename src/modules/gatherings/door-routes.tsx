import { Hono } from "hono";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { BadRequest, type FieldErrors, type FormValues, readForm } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import { render } from "../../web/render";
import {
  ATTENDANCE,
  attendanceOf,
  checkIn,
  choosersOf,
  closeGathering,
  countPresent,
  doorCounts,
  doorList,
  type Mark,
  markAttendance,
} from "./door";
import { AttendancePage, ClosePage, type DoorNotice, DoorPage, doorPath } from "./door-views";
import { type Gathering, type Session, sessionsOf } from "./gatherings";
import { organisedGathering } from "./organiser-access";
import { registrationById } from "./registration";
import type { AttendanceStatus } from "./schema";

const DAY = "/:lang{nb|nn|en}/admin/samlinger/:id{[0-9]{1,9}}";
const ID = /^[0-9]{1,9}$/;
/** A search is a few words; anything longer is cut, not refused. */
const SEARCH_MAX = 100;

const actor = (c: AppContext) => ({
  personId: c.get("user")!.personId,
  now: deps(c).clock.now(),
  baseUrl: deps(c).linkBase,
});

const isMark = (v: string): v is AttendanceStatus => (ATTENDANCE as readonly string[]).includes(v);

/** The door page, with a check-in's outcome or a refusal's errors. */
async function showDoor(
  c: AppContext,
  g: Gathering,
  opts: {
    q?: string;
    notice?: DoorNotice;
    form?: { values: FormValues; errors: FieldErrors };
  } = {},
) {
  const { db, clock } = deps(c);
  const q = (opts.q ?? "").slice(0, SEARCH_MAX);
  c.header("Cache-Control", "no-store");
  // The one page that may use the camera (the QR reader); every other page forbids it.
  c.header("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
  return render(
    c,
    <DoorPage
      lang={langOf(c)}
      gathering={g}
      rows={await doorList(db, g.id, clock.now(), q)}
      counts={await doorCounts(db, g.id)}
      q={q}
      notice={opts.notice}
      form={opts.form}
    />,
    opts.form ? 422 : 200,
  );
}

/** The session of `?okt=` (null: the whole gathering); undefined when it is not one of the agenda's. */
async function chosenPart(c: AppContext, g: Gathering, raw: string | undefined) {
  const sessions = (await sessionsOf(deps(c).db, g.id)).filter((s) => s.kind !== "break");
  if (raw === undefined || raw === "") return { sessions, session: null };
  if (!ID.test(raw)) return { sessions, session: undefined };
  return { sessions, session: sessions.find((s) => s.id === Number(raw)) };
}

/**
 * The organiser's side of a gathering's day: checking in at the door (the code from the QR
 * code, typed or read by the camera, or a name from the list), attendance per participant for
 * the whole gathering and each session, and closing with minutes and the number present.
 */
export function doorRoutes() {
  const app = new Hono<AppEnv>();

  app.get(`${DAY}/innsjekk`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    const g = found.value;
    const q = c.req.query("q") ?? "";
    // After a check-in: whom, and whether they were in already (the registration's own time).
    const inn = c.req.query("inn");
    let notice: DoorNotice | undefined;
    if (inn && ID.test(inn)) {
      const r = await registrationById(deps(c).db, Number(inn));
      if (r && r.gatheringId === g.id && r.checkedInAt) {
        const rows = await doorList(deps(c).db, g.id, deps(c).clock.now());
        const name = rows.find((row) => row.registrationId === r.id)?.name ?? "–";
        notice = { name, already: c.req.query("allerede") === "1", at: r.checkedInAt };
      }
    }
    return showDoor(c, g, { q, ...(notice ? { notice } : {}) });
  });

  app.post(`${DAY}/innsjekk`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    const g = found.value;
    const raw = await readForm(c);
    const q = (raw.q ?? "").slice(0, SEARCH_MAX);
    let input: Parameters<typeof checkIn>[1];
    if (raw.registration !== undefined) {
      if (!ID.test(raw.registration)) throw new BadRequest("registration");
      input = { gatheringId: g.id, registrationId: Number(raw.registration) };
    } else {
      input = { gatheringId: g.id, code: (raw.code ?? "").slice(0, 100) };
    }
    const result = await checkIn(deps(c).db, input, actor(c));
    if (!result.ok) {
      if (result.errors.gathering?.code === "notFound") return errorPage(c, "notFound");
      return showDoor(c, g, {
        q,
        form: { values: { code: raw.code ?? "" }, errors: result.errors },
      });
    }
    const query = new URLSearchParams({ inn: String(result.registrationId) });
    if (result.already) query.set("allerede", "1");
    if (q) query.set("q", q);
    return c.redirect(`/${langOf(c)}${doorPath(g.id, "/innsjekk")}?${query}`, 303);
  });

  async function showAttendance(
    c: AppContext,
    g: Gathering,
    part: { sessions: Session[]; session: Session | null },
    opts: { saved?: number; form?: { values: FormValues; errors: FieldErrors } } = {},
  ) {
    const { db, clock } = deps(c);
    const session = part.session;
    let rows = await doorList(db, g.id, clock.now());
    const chosenOnly = session !== null && session.capacity !== null;
    if (chosenOnly) {
      const choosers = await choosersOf(db, session.id);
      rows = rows.filter((r) => choosers.has(r.registrationId));
    }
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <AttendancePage
        lang={langOf(c)}
        gathering={g}
        sessions={part.sessions}
        sessionId={session?.id ?? null}
        rows={rows}
        marks={await attendanceOf(db, g.id, session?.id ?? null)}
        chosenOnly={chosenOnly}
        saved={opts.saved}
        form={opts.form}
      />,
      opts.form ? 422 : 200,
    );
  }

  app.get(`${DAY}/oppmote`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    const part = await chosenPart(c, found.value, c.req.query("okt"));
    if (part.session === undefined) return errorPage(c, "notFound");
    const lagret = c.req.query("lagret");
    return showAttendance(
      c,
      found.value,
      { ...part, session: part.session },
      lagret && ID.test(lagret) ? { saved: Number(lagret) } : {},
    );
  });

  app.post(`${DAY}/oppmote`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    const g = found.value;
    const raw = await readForm(c);
    const part = await chosenPart(c, g, raw.okt);
    if (part.session === undefined) return errorPage(c, "notFound");
    const marks: Mark[] = [];
    for (const [key, value] of Object.entries(raw)) {
      const m = /^a-([0-9]{1,9})$/.exec(key);
      if (!m) continue;
      const was = raw[`was-${m[1]}`] ?? "";
      if (!isMark(value) || (was !== "" && !isMark(was))) throw new BadRequest("attendance");
      marks.push({ registrationId: Number(m[1]), status: value, was: was === "" ? null : was });
    }
    const result = await markAttendance(
      deps(c).db,
      { gatheringId: g.id, sessionId: part.session?.id ?? null, marks },
      actor(c),
    );
    if (!result.ok) {
      if (result.errors.gathering?.code === "notFound") return errorPage(c, "notFound");
      return showAttendance(
        c,
        g,
        { ...part, session: part.session },
        { form: { values: raw, errors: result.errors } },
      );
    }
    const query = new URLSearchParams();
    if (part.session) query.set("okt", String(part.session.id));
    query.set("lagret", String(result.changed));
    return c.redirect(`/${langOf(c)}${doorPath(g.id, "/oppmote")}?${query}`, 303);
  });

  async function showClose(
    c: AppContext,
    g: Gathering,
    opts: { notice?: "closed" | "saved"; form?: { values: FormValues; errors: FieldErrors } } = {},
  ) {
    const { db, clock } = deps(c);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <ClosePage
        lang={langOf(c)}
        gathering={g}
        counted={await countPresent(db, g.id)}
        now={clock.now()}
        notice={opts.notice}
        form={opts.form}
      />,
      opts.form ? 422 : 200,
    );
  }

  app.get(`${DAY}/avslutt`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    const melding = c.req.query("melding");
    return showClose(c, found.value, {
      ...(melding === "avsluttet" ? { notice: "closed" as const } : {}),
      ...(melding === "lagret" ? { notice: "saved" as const } : {}),
    });
  });

  app.post(`${DAY}/avslutt`, async (c) => {
    const found = await organisedGathering(c);
    if (found.response) return found.response;
    const g = found.value;
    const raw = await readForm(c);
    const result = await closeGathering(
      deps(c).db,
      { gatheringId: g.id, minutes: raw.minutes ?? "", presentCount: raw.presentCount ?? "" },
      actor(c),
    );
    if (!result.ok) {
      if (result.errors.gathering?.code === "notFound") return errorPage(c, "notFound");
      return showClose(c, g, { form: { values: raw, errors: result.errors } });
    }
    const melding = result.first ? "avsluttet" : "lagret";
    return c.redirect(`/${langOf(c)}${doorPath(g.id, "/avslutt")}?melding=${melding}`, 303);
  });

  return app;
}
