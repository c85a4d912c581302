import { Hono } from "hono";
import { confirmationsOf, screenFields } from "../../kernel/child-guard-forms";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf } from "../../kernel/context";
import {
  BadRequest,
  type FieldErrors,
  type FieldWarnings,
  type FormValues,
  readForm,
  validate,
} from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import type { Lang } from "../../web/i18n";
import { render } from "../../web/render";
import { countyOfficesAt, getUnit } from "../organisations";
import {
  addRecipient,
  extendDeadline,
  getInvitation,
  invitationEvents,
  inviteToCohort,
  remind,
} from "./chain";
import { refusalErrors } from "./form-parts";
import {
  extendForm,
  isOfficeInvited,
  mayUseOfficePages,
  type OfficeHeader,
  officeAccess,
  officeExists,
  officeHeader,
  officeInvitation,
  officeLimits,
  officeRows,
  openInvitationIds,
  parseInviteForm,
  parseUnitForm,
  reachableOf,
  recipientForm,
  searchPrivateUnits,
} from "./office";
import { InvitationPage } from "./office-invitation-page";
import { type OfficeForm, OfficePage } from "./office-page";
import { type Notice, officePath } from "./office-shared";
import { officeText } from "./office-texts";

const BASE = "/:lang{nb|nn|en}/puljer/:id{[0-9]{1,9}}/kontor/:officeId{[a-z0-9-]{1,60}}";
const INVITATION = `${BASE}/invitasjoner/:invitationId{[0-9]{1,9}}`;

type Ctx = {
  lang: Lang;
  header: OfficeHeader;
  canAct: boolean;
  today: string;
  now: Date;
};

/**
 * The cohort and office of the path, if the person may see them: a 403 page for anyone who is
 * neither the office's coordinator (in a cohort the office is invited to) nor a programme admin,
 * a 404 page for an unknown cohort or office. `write` refuses read-only viewers too.
 */
async function load(c: AppContext, write: boolean): Promise<Ctx | { response: Response }> {
  const user = c.get("user");
  if (!mayUseOfficePages(user)) return { response: await errorPage(c, "notAllowed") };
  const d = deps(c);
  const lang = langOf(c);
  const now = d.clock.now();
  const today = osloToday(now);
  const cohortId = Number(c.req.param("id"));
  const officeId = c.req.param("officeId") ?? "";
  const header = await officeHeader(d.db, cohortId, officeId, lang, today);
  if (!header || !(await officeExists(d.db, officeId))) {
    return { response: await errorPage(c, "notFound") };
  }
  const invited = await isOfficeInvited(d.db, cohortId, officeId);
  const access = officeAccess(user, officeId, invited, header.programme.owner);
  if (access === "none") return { response: await errorPage(c, "notAllowed") };
  // A programme admin asking for an office the cohort never invited: there is no such page.
  if (access === "view" && !invited) return { response: await errorPage(c, "notFound") };
  if (write && access !== "act") return { response: await errorPage(c, "notAllowed") };
  c.header("Cache-Control", "no-store");
  return { lang, header, canAct: access === "act", today, now };
}

function actor(c: AppContext, ctx: Ctx) {
  return { personId: c.get("user")!.personId, now: ctx.now, baseUrl: deps(c).linkBase };
}

function base(ctx: Ctx, rest = "") {
  return officePath(ctx.lang, ctx.header.cohort.id, ctx.header.office.id, rest);
}

async function officePage(
  c: AppContext,
  ctx: Ctx,
  extra: {
    notice?: Notice;
    form?: OfficeForm;
    search?: { query: string; hits: Awaited<ReturnType<typeof searchPrivateUnits>> | null };
    orgNumber?: string;
  },
  status: 200 | 422 = 200,
) {
  const d = deps(c);
  const rows = await officeRows(d.db, ctx.header.cohort, ctx.header.office.id, ctx.today, ctx.now);
  return render(
    c,
    <OfficePage
      lang={ctx.lang}
      canAct={ctx.canAct}
      header={ctx.header}
      rows={rows}
      today={ctx.today}
      notice={extra.notice}
      form={extra.form}
      search={extra.search}
      orgNumber={extra.orgNumber}
    />,
    status,
  );
}

/** A count from our own redirect; anything else is ignored. */
function countParam(value: string | undefined) {
  return value && /^\d{1,5}$/.test(value) ? Number(value) : 0;
}

/** Invitee ids from our own redirect (municipality codes, organisation numbers). */
function idsParam(value: string | undefined): string[] {
  if (!value || value.length > 2000) return [];
  return value.split(",").filter((id) => /^\d{4}$|^\d{9}$/.test(id));
}

/**
 * What a reminder really did, from the redirect's query: how many were reminded, who had been
 * reminded today already, who has no one to send to (with a link to add a contact person).
 */
async function reminderNotice(c: AppContext, ctx: Ctx, reminded: number): Promise<Notice> {
  const tx = officeText(ctx.lang);
  const rows = await officeRows(
    deps(c).db,
    ctx.header.cohort,
    ctx.header.office.id,
    ctx.today,
    ctx.now,
  );
  const all = [
    ...rows.municipalities.flatMap((m) =>
      m.invitation ? [{ id: m.code, name: m.name, invitationId: m.invitation.id }] : [],
    ),
    ...rows.units.map((u) => ({ id: u.orgNumber, name: u.name, invitationId: u.invitation.id })),
  ];
  const named = (ids: string[]) =>
    ids.flatMap((id) => {
      const row = all.find((r) => r.id === id);
      return row ? [row] : [];
    });
  const today = named(idsParam(c.req.query("idag")));
  const without = named(idsParam(c.req.query("uten")));
  const list = (items: { name: string }[]) => items.map((r) => r.name).join(", ");
  const more = [
    ...(today.length > 0 ? [tx.alreadyToday(list(today))] : []),
    ...(without.length > 0 ? [tx.noRecipient(list(without))] : []),
  ];
  const first = reminded > 0 || more.length === 0 ? tx.reminded(reminded) : (more.shift() ?? "");
  return {
    color: reminded > 0 && today.length + without.length === 0 ? "success" : "warning",
    text: first,
    more,
    links: without.map((r) => ({
      href: base(ctx, `/invitasjoner/${r.invitationId}#kontaktperson`),
      text: tx.addContactFor(r.name),
    })),
  };
}

/**
 * The child guard's findings in the invitation's personal message beside the form's other
 * errors, so one round shows everything (decision 0024); the command guards it again.
 */
function withGuard(errors: FieldErrors, values: FormValues): [FieldErrors, FieldWarnings] {
  const screened = screenFields({ message: values.message ?? "" }, values);
  return [{ ...screened.errors, ...errors }, screened.warnings];
}

export function officeRoutes() {
  const app = new Hono<AppEnv>();

  app.get(BASE, async (c) => {
    const ctx = await load(c, false);
    if ("response" in ctx) return ctx.response;
    const tx = officeText(ctx.lang);
    const n = countParam(c.req.query("antall"));
    const m = c.req.query("melding");
    const text = m === "invited" ? tx.invited(n) : m === "unitInvited" ? tx.unitInvited : undefined;
    const notice: Notice | undefined = text
      ? { color: "success", text }
      : m === "reminded"
        ? await reminderNotice(c, ctx, n)
        : undefined;
    const query = (c.req.query("sok") ?? "").trim().slice(0, officeLimits.search);
    const hits =
      ctx.canAct && query
        ? await searchPrivateUnits(deps(c).db, ctx.header.office.id, query, ctx.today)
        : null;
    const orgnr = c.req.query("orgnr");
    return officePage(c, ctx, {
      ...(notice ? { notice } : {}),
      search: { query, hits },
      ...(orgnr && /^\d{9}$/.test(orgnr) ? { orgNumber: orgnr } : {}),
    });
  });

  // Invite municipalities: the chosen ones, or ("Inviter alle") every one not yet invited.
  app.post(`${BASE}/inviter`, async (c) => {
    const ctx = await load(c, true);
    if ("response" in ctx) return ctx.response;
    const d = deps(c);
    const values = await readForm(c);
    const { cohort, office } = ctx.header;
    const rows = await officeRows(d.db, cohort, office.id, ctx.today, ctx.now);
    const again = (errors: FieldErrors, warnings: FieldWarnings = {}) =>
      officePage(c, ctx, { form: { name: "invite", state: { values, errors, warnings } } }, 422);
    const parsed = parseInviteForm(values, rows.municipalities);
    if (!parsed.ok) return again(...withGuard(parsed.errors, values));
    const { codes, message, deadline, contacts } = parsed.data;
    const result = await inviteToCohort(
      d.db,
      {
        cohortId: cohort.id,
        officeId: office.id,
        invitees: codes.map((code) => {
          const contact = contacts.get(code);
          return { kind: "municipality" as const, id: code, ...(contact ? { contact } : {}) };
        }),
        message,
        deadline,
        confirmations: confirmationsOf(values),
      },
      actor(c, ctx),
    );
    if (!result.ok && "errors" in result) return again(result.errors, result.warnings);
    if (!result.ok) {
      const id = String(result.detail?.id ?? "");
      const subject = rows.municipalities.find((r) => r.code === id)?.name ?? id;
      return again(refusalErrors(result, "form", { subject }));
    }
    return c.redirect(`${base(ctx)}?melding=invited&antall=${result.invited}`, 303);
  });

  // Remind: one invitation (a row's button) or every open one ("alle som ikke har svart").
  app.post(`${BASE}/paminn`, async (c) => {
    const ctx = await load(c, true);
    if ("response" in ctx) return ctx.response;
    const d = deps(c);
    const values = await readForm(c);
    const { cohort, office } = ctx.header;
    let ids: number[];
    if (values.invitation !== undefined) {
      if (!/^\d{1,9}$/.test(values.invitation)) throw new BadRequest("invitation id");
      ids = [Number(values.invitation)];
    } else {
      ids = await openInvitationIds(d.db, cohort.id, office.id, ctx.today);
    }
    const query = new URLSearchParams({ melding: "reminded", antall: "0" });
    if (ids.length > 0) {
      const result = await remind(
        d.db,
        { cohortId: cohort.id, officeId: office.id, invitationIds: ids },
        actor(c, ctx),
      );
      if (result.ok) {
        query.set("antall", String(result.reminded));
        // What was not sent, and why: by invitee, so the page can name them.
        if (result.alreadyToday.length > 0) {
          query.set("idag", result.alreadyToday.map((r) => r.inviteeId).join(","));
        }
        if (result.unreachable.length > 0) query.set("uten", result.unreachable.join(","));
      }
    }
    return c.redirect(`${base(ctx)}?${query}`, 303);
  });

  // Invite one private kindergarten or school by its organisation number.
  app.post(`${BASE}/enheter`, async (c) => {
    const ctx = await load(c, true);
    if ("response" in ctx) return ctx.response;
    const d = deps(c);
    const values = await readForm(c);
    const { cohort, office } = ctx.header;
    const again = (errors: FieldErrors, warnings: FieldWarnings = {}) =>
      officePage(c, ctx, { form: { name: "unit", state: { values, errors, warnings } } }, 422);
    const parsed = parseUnitForm(values);
    if (!parsed.ok) return again(...withGuard(parsed.errors, values));
    const { orgNumber, message, deadline, contact } = parsed.data;
    // The chain refuses these too; asked first here so the person is told the real reason
    // before being asked for a contact person.
    const unit = await getUnit(d.db, orgNumber);
    if (!unit) return again({ orgNumber: { code: "unknownUnit" } });
    if (await getInvitation(d.db, cohort.id, "unit", orgNumber)) {
      return again({ orgNumber: { code: "alreadyInvited" } });
    }
    const counties =
      (await countyOfficesAt(d.db, ctx.today, "nb")).find((o) => o.id === office.id)?.countyCodes ??
      [];
    if (!counties.includes(unit.countyCode)) {
      return again({ orgNumber: { code: "outsideCoverage" } });
    }
    if (unit.owner !== "private" || !unit.active) {
      return again({ orgNumber: { code: "notPrivateUnit" } });
    }
    if (!contact && (await reachableOf(d.db, "unit", [orgNumber], ctx.now)).size === 0) {
      return again({ name: { code: "unitNoRecipient" } });
    }
    const result = await inviteToCohort(
      d.db,
      {
        cohortId: cohort.id,
        officeId: office.id,
        invitees: [{ kind: "unit", id: orgNumber, ...(contact ? { contact } : {}) }],
        message,
        deadline,
        confirmations: confirmationsOf(values),
      },
      actor(c, ctx),
    );
    if (!result.ok && "errors" in result) return again(result.errors, result.warnings);
    if (!result.ok) {
      // The command's invitees are, on this form, the one unit its number names.
      const field = result.field === "invitees" ? "orgNumber" : result.field;
      return again(refusalErrors({ ...result, field }));
    }
    return c.redirect(`${base(ctx)}?melding=unitInvited`, 303);
  });

  /** The invitation of the path, if it is this office's in this cohort. */
  function pathInvitation(c: AppContext, ctx: Ctx) {
    return officeInvitation(
      deps(c).db,
      ctx.header.cohort.id,
      ctx.header.office.id,
      Number(c.req.param("invitationId")),
      ctx.today,
      ctx.now,
    );
  }

  /**
   * What an act on one invitation needs: the page, the form as sent, the invitation (or a 404),
   * and how to show the form again with errors.
   */
  async function invitationAct(c: AppContext) {
    const ctx = await load(c, true);
    if ("response" in ctx) return ctx;
    const values = await readForm(c);
    const inv = await pathInvitation(c, ctx);
    if (!inv) return { response: errorPage(c, "notFound") };
    const again = (errors: FieldErrors) =>
      invitationPage(c, ctx, { form: { values, errors } }, 422);
    return { ctx, values, inv, invitationId: inv.id, again };
  }

  async function invitationPage(
    c: AppContext,
    ctx: Ctx,
    extra: { notice?: Notice; form?: { values: Record<string, string>; errors: FieldErrors } },
    status: 200 | 422 = 200,
  ) {
    const inv = await pathInvitation(c, ctx);
    if (!inv) return errorPage(c, "notFound");
    const events = await invitationEvents(deps(c).db, inv.id);
    return render(
      c,
      <InvitationPage
        lang={ctx.lang}
        canAct={ctx.canAct}
        header={ctx.header}
        invitation={inv}
        events={events}
        today={ctx.today}
        notice={extra.notice}
        form={extra.form}
      />,
      status,
    );
  }

  app.get(INVITATION, async (c) => {
    const ctx = await load(c, false);
    if ("response" in ctx) return ctx.response;
    const tx = officeText(ctx.lang);
    const m = c.req.query("melding");
    const n = countParam(c.req.query("epost"));
    if (m === "extended" || m === "recipient") {
      const inv = await pathInvitation(c, ctx);
      if (!inv) return errorPage(c, "notFound");
      const notice: Notice =
        m === "recipient"
          ? { color: "success", text: tx.recipientAdded(n) }
          : n > 0
            ? { color: "success", text: tx.extended(n) }
            : { color: "warning", text: tx.extendedNoRecipient(inv.name) };
      return invitationPage(c, ctx, { notice });
    }
    return invitationPage(c, ctx, {});
  });

  // The office adds a contact person: invited to the coordinator role, sent the invitation.
  app.post(`${INVITATION}/kontakt`, async (c) => {
    const act = await invitationAct(c);
    if ("response" in act) return act.response;
    const { ctx, values, invitationId, again } = act;
    const d = deps(c);
    const { office } = ctx.header;
    const parsed = validate(recipientForm, values);
    if (!parsed.ok) return again(parsed.errors);
    const result = await addRecipient(
      d.db,
      { invitationId, officeId: office.id, ...parsed.data },
      actor(c, ctx),
    );
    if (!result.ok) {
      if (result.error === "notFound") return errorPage(c, "notFound");
      return again(refusalErrors(result));
    }
    return c.redirect(
      `${base(ctx, `/invitasjoner/${invitationId}`)}?melding=recipient&epost=${result.mailed}`,
      303,
    );
  });

  // A new, later deadline with a reason; an expired invitation opens again.
  app.post(`${INVITATION}/frist`, async (c) => {
    const act = await invitationAct(c);
    if ("response" in act) return act.response;
    const { ctx, values, invitationId, again } = act;
    const d = deps(c);
    const { office } = ctx.header;
    const parsed = validate(extendForm, values);
    if (!parsed.ok) return again(parsed.errors);
    const result = await extendDeadline(
      d.db,
      { invitationId, officeId: office.id, ...parsed.data },
      actor(c, ctx),
    );
    if (!result.ok) {
      if (result.error === "notFound") return errorPage(c, "notFound");
      return again(refusalErrors(result));
    }
    return c.redirect(
      `${base(ctx, `/invitasjoner/${invitationId}`)}?melding=extended&epost=${result.mailed}`,
      303,
    );
  });

  return app;
}
