import { Hono } from "hono";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import { BadRequest, type FieldErrors, type FormValues, readForm } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import { render } from "../../web/render";
import { gatheringById } from "./gatherings";
import { admittedPlace, placesOf, registrationOf } from "./registration";
import { registerStaff, STAFF_PER_FORM, staffOf } from "./staff-registration";
import { StaffRegistrationPage } from "./staff-registration-views";

const PAGE = "/:lang{nb|nn|en}/samlinger/:id{[0-9]{1,9}}/ansatte";
/** A unit leader's (roles.ts): register the staff of the units she leads. */
const PERMISSION = "register:gathering:unit";

const mayRegisterStaff = (c: AppContext) =>
  c.get("user")?.permissions.includes(PERMISSION) ?? false;

/**
 * The page for the gathering of the path, with the leader's staff. Someone the gathering
 * admits nobody of (herself and her staff) and who has registered nobody learns nothing of it.
 */
async function showStaff(
  c: AppContext,
  opts: {
    form?: { values: FormValues; errors: FieldErrors };
    notice?: { confirmed: number; waiting: number };
  } = {},
) {
  const { db, clock } = deps(c);
  const gathering = await gatheringById(db, Number(c.req.param("id")));
  if (!gathering) return errorPage(c, "notFound");
  const me = c.get("user")!;
  const staff = await staffOf(db, gathering, me.personId);
  const leaderAdmitted =
    (await registrationOf(db, gathering.id, me.personId)) !== null ||
    (await admittedPlace(db, gathering, await placesOf(db, me.personId, me.roles))) !== null;
  if (!leaderAdmitted && !staff.some((s) => s.admitted)) return errorPage(c, "notFound");
  const now = clock.now();
  c.header("Cache-Control", "no-store");
  const errors = opts.form?.errors ?? {};
  return render(
    c,
    <StaffRegistrationPage
      lang={langOf(c)}
      gathering={gathering}
      staff={staff}
      open={
        gathering.closedAt === null &&
        now >= gathering.registrationOpensAt &&
        now < gathering.registrationClosesAt
      }
      seatsLeft={gathering.capacity - gathering.seatsHeld}
      leaderAdmitted={leaderAdmitted}
      form={opts.form ?? { values: {}, errors: {} }}
      {...(opts.notice ? { notice: opts.notice } : {})}
    />,
    Object.keys(errors).length > 0 ? 422 : 200,
  );
}

/** The people a posted form chose (`person-<id>` = yes); anything else named so is malformed. */
function chosenPeople(raw: FormValues): number[] {
  const ids: number[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith("person-")) continue;
    const m = /^person-([0-9]{1,9})$/.exec(key);
    if (!m || (value !== "yes" && value !== "")) throw new BadRequest("person");
    if (value === "yes") ids.push(Number(m[1]));
  }
  if (ids.length > STAFF_PER_FORM) throw new BadRequest("too many people");
  return ids;
}

export function staffRegistrationRoutes() {
  const app = new Hono<AppEnv>();

  app.get(PAGE, async (c) => {
    if (!mayRegisterStaff(c)) return errorPage(c, "notAllowed");
    const done = /^([0-9]{1,4})-([0-9]{1,4})$/.exec(c.req.query("pameldt") ?? "");
    return showStaff(
      c,
      done ? { notice: { confirmed: Number(done[1]), waiting: Number(done[2]) } } : {},
    );
  });

  // Register the chosen staff, each through `register`: a seat, or a place in line.
  app.post(PAGE, async (c) => {
    if (!mayRegisterStaff(c)) return errorPage(c, "notAllowed");
    const raw = await readForm(c);
    const personIds = chosenPeople(raw);
    const { db, clock, linkBase } = deps(c);
    const id = Number(c.req.param("id"));
    const result = await registerStaff(
      db,
      { gatheringId: id, personIds },
      { personId: c.get("user")!.personId, now: clock.now(), baseUrl: linkBase },
    );
    if (!result.ok) {
      if (result.errors.gathering?.code === "notFound") return errorPage(c, "notFound");
      return showStaff(c, { form: { values: raw, errors: result.errors } });
    }
    const confirmed = result.registered.filter((r) => r.status === "confirmed").length;
    const waiting = result.registered.length - confirmed;
    return c.redirect(`/${langOf(c)}/samlinger/${id}/ansatte?pameldt=${confirmed}-${waiting}`, 303);
  });

  return app;
}
