import { Hono } from "hono";
import { checkInQrSvg, showCheckInCode } from "../../kernel/check-in-code";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { BadRequest, type FieldErrors, type FormValues, readForm } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import { render } from "../../web/render";
import { gatheringById, sessionSeatsTaken, sessionsOf } from "./gatherings";
import { GatheringListPage, GatheringPage } from "./participant-views";
import {
  admittedPlace,
  cancelRegistration,
  chosenSessions,
  confirmOffer,
  gatheringsFor,
  placesOf,
  register,
  registrationById,
  registrationOf,
  waitingPosition,
} from "./registration";

const BASE = "/:lang{nb|nn|en}/samlinger";
const ONE = `${BASE}/:id{[0-9]{1,9}}`;
/** Everyone who may take part holds it (roles.ts); who is admitted is the gathering's rule. */
const PERMISSION = "register:gathering:own";

const mayRegister = (c: AppContext) => c.get("user")?.permissions.includes(PERMISSION) ?? false;

const actor = (c: AppContext) => ({
  personId: c.get("user")!.personId,
  now: deps(c).clock.now(),
  baseUrl: deps(c).linkBase,
});

/** The gathering's page for the signed-in person, with the form's state after a refusal. */
async function showGathering(
  c: AppContext,
  id: number,
  opts: { form?: { values: FormValues; errors: FieldErrors }; notice?: "cancelled" } = {},
) {
  const { db, clock } = deps(c);
  const gathering = await gatheringById(db, id);
  if (!gathering) return errorPage(c, "notFound");
  const personId = c.get("user")!.personId;
  const registration = await registrationOf(db, id, personId);
  const admitted = registration
    ? true
    : (await admittedPlace(db, gathering, await placesOf(db, personId))) !== null;
  // Someone the gathering does not admit and who is not registered learns nothing of it.
  if (!admitted) return errorPage(c, "notFound");
  const sessions = await sessionsOf(db, id);
  const sessionTaken = await sessionSeatsTaken(
    db,
    sessions.filter((s) => s.capacity !== null).map((s) => s.id),
  );
  const code = registration?.status === "confirmed" ? registration.checkInCode : null;
  c.header("Cache-Control", "no-store");
  return render(
    c,
    <GatheringPage
      lang={langOf(c)}
      gathering={gathering}
      sessions={sessions}
      sessionTaken={sessionTaken}
      seatsLeft={gathering.capacity - gathering.seatsHeld}
      registration={registration}
      position={registration ? await waitingPosition(db, registration) : null}
      chosen={registration ? await chosenSessions(db, registration.id) : []}
      admitted={admitted}
      now={clock.now()}
      {...(opts.form ? { form: opts.form } : {})}
      {...(opts.notice ? { notice: opts.notice } : {})}
      staffLink={c.get("user")!.permissions.includes("register:gathering:unit")}
      {...(code
        ? { ticket: { code: showCheckInCode(code), qrSvg: await checkInQrSvg(code) } }
        : {})}
    />,
    opts.form && Object.keys(opts.form.errors).length > 0 ? 422 : 200,
  );
}

/** The registration id a form names; anything else is a malformed request. */
function registrationIdOf(raw: FormValues): number {
  const value = raw.registration ?? "";
  if (!/^[0-9]{1,9}$/.test(value)) throw new BadRequest("registration");
  return Number(value);
}

/** Whether the registration is the signed-in person's own, for this gathering. */
async function ownRegistration(c: AppContext, gatheringId: number, registrationId: number) {
  const r = await registrationById(deps(c).db, registrationId);
  return r !== null && r.gatheringId === gatheringId && r.personId === c.get("user")!.personId;
}

export function participantRoutes() {
  const app = new Hono<AppEnv>();

  app.get(BASE, async (c) => {
    if (!mayRegister(c)) return errorPage(c, "notAllowed");
    const { db, clock } = deps(c);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <GatheringListPage
        lang={langOf(c)}
        items={await gatheringsFor(db, c.get("user")!.personId, clock.now())}
      />,
    );
  });

  app.get(ONE, async (c) => {
    if (!mayRegister(c)) return errorPage(c, "notAllowed");
    const notice = c.req.query("melding") === "avmeldt" ? ("cancelled" as const) : undefined;
    return showGathering(c, Number(c.req.param("id")), notice ? { notice } : {});
  });

  // Register oneself: a seat, or a place on the waiting list; 303 to the page that says which.
  app.post(`${ONE}/pamelding`, async (c) => {
    if (!mayRegister(c)) return errorPage(c, "notAllowed");
    const id = Number(c.req.param("id"));
    const raw = await readForm(c);
    const sessionIds: number[] = [];
    for (const [key, value] of Object.entries(raw)) {
      const m = /^session-([0-9]{1,9})$/.exec(key);
      if (m && value === "yes") sessionIds.push(Number(m[1]));
    }
    const me = c.get("user")!.personId;
    const result = await register(
      deps(c).db,
      {
        gatheringId: id,
        personId: me,
        sessionIds,
        needs: { dietary: raw.dietary ?? "", accessibility: raw.accessibility ?? "" },
      },
      // The roles were read with the session a moment ago.
      { ...actor(c), roles: c.get("user")!.roles },
    );
    if (!result.ok) {
      if (result.errors.gathering?.code === "notFound") return errorPage(c, "notFound");
      return showGathering(c, id, { form: { values: raw, errors: result.errors } });
    }
    return c.redirect(`/${langOf(c)}/samlinger/${id}`, 303);
  });

  // Cancel one's own registration, or give up an offered seat.
  app.post(`${ONE}/avmelding`, async (c) => {
    if (!mayRegister(c)) return errorPage(c, "notAllowed");
    const id = Number(c.req.param("id"));
    const registrationId = registrationIdOf(await readForm(c));
    if (!(await ownRegistration(c, id, registrationId))) return errorPage(c, "notFound");
    const result = await cancelRegistration(deps(c).db, { registrationId }, actor(c));
    if (!result.ok) return showGathering(c, id, { form: { values: {}, errors: result.errors } });
    return c.redirect(`/${langOf(c)}/samlinger/${id}?melding=avmeldt`, 303);
  });

  // Confirm a seat offered from the waiting list.
  app.post(`${ONE}/bekreft`, async (c) => {
    if (!mayRegister(c)) return errorPage(c, "notAllowed");
    const id = Number(c.req.param("id"));
    const registrationId = registrationIdOf(await readForm(c));
    if (!(await ownRegistration(c, id, registrationId))) return errorPage(c, "notFound");
    const result = await confirmOffer(deps(c).db, { registrationId }, actor(c));
    if (!result.ok) return showGathering(c, id, { form: { values: {}, errors: result.errors } });
    return c.redirect(`/${langOf(c)}/samlinger/${id}`, 303);
  });

  return app;
}
