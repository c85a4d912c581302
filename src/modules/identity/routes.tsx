import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { withinRateLimit } from "../../kernel/abuse";
import { osloToday } from "../../kernel/clock";
import { type AppContext, type AppEnv, deps, langOf, requestOrigin } from "../../kernel/context";
import { emailAddress, isEmailAddress } from "../../kernel/field-rules";
import { type FieldErrors, isBot, readForm, validate } from "../../kernel/forms";
import { errorPage } from "../../web/error-pages";
import type { Lang } from "../../web/i18n";
import { localPath } from "../../web/layout";
import { render } from "../../web/render";
import { getUnit } from "../organisations";
import {
  clearSessionCookie,
  Forbidden,
  readSessionCookie,
  requirePermission,
  safeReturnTo,
  setSessionCookie,
} from "./access";
import { adminTexts } from "./admin-texts";
import { AUDIT_PAGE_SIZE, listAudit } from "./audit";
import { describeAudit } from "./audit-view";
import {
  ANOTHER_ACCOUNT,
  forgetNoAccess,
  foundNoAccess,
  noAccessPage,
  rememberNoAccess,
} from "./no-access";
import { finishSignIn, type ProviderId, SignInRefused, startSignIn } from "./oidc";
import { deletePerson, exportPerson, orgName } from "./people";
import type { IdentityReads } from "./reads";
import {
  type AdminActor,
  changeRoleAsAdmin,
  findOrgsInScope,
  inviteAsAdmin,
  listOpenInvitationsInScope,
  listPeopleInScope,
  type OrgChoice,
  revokeInvitationAsAdmin,
  revokeRoleAsAdmin,
  roleToChange,
} from "./role-admin";
import { inviteForm, roleChangeForm } from "./role-forms";
import { isRole, type OrgKind, ROLES } from "./roles";
import { affiliations, identities } from "./schema";
import { endAllSessions, endSession } from "./sessions";
import { requestCode, type SignInOutcome, signInWithProvider, verifyCode } from "./sign-in";
import { identityText } from "./texts";
import {
  AuditPage,
  CodePage,
  DeletePage,
  MessagePage,
  OrgChoices,
  PeopleAdminPage,
  ProfilePage,
  RoleChangePage,
  type RoleView,
  SignInPage,
} from "./views";

const ATTEMPT_COOKIE = "samspill-sign-in";

const signInForm = z.object({ email: emailAddress() });

async function roleViews(
  c: AppContext,
  roles: { id: number; role: string; orgKind: string; orgId: string }[],
  lang: Lang,
): Promise<RoleView[]> {
  const d = deps(c);
  const today = osloToday(d.clock.now());
  return Promise.all(
    roles.map(async (r) => ({
      ...r,
      orgName: await orgName(d.db, r.orgKind, r.orgId, lang, today),
    })),
  );
}

/** After a sign-in: a fresh session id (never one chosen before), then where the person was going. */
async function landed(c: AppContext, outcome: SignInOutcome, lang: Lang, returnTo: string) {
  if (outcome.kind === "no-access") {
    rememberNoAccess(c);
    return c.redirect(`/${lang}/ingen-tilgang`, 303);
  }
  forgetNoAccess(c);
  const previous = readSessionCookie(c);
  // Awaited: with a pool, the old session must be over before the next request can use it.
  if (previous) await endSession(deps(c).db, previous, deps(c).clock.now());
  setSessionCookie(c, outcome.session);
  if (!outcome.hasRoles) return c.redirect(`/${lang}/ingen-tilgang`, 303);
  return c.redirect(safeReturnTo(returnTo, `/${lang}/meg`), 303);
}

export function publicIdentityRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/:lang{nb|nn|en}/logg-inn", (c) => {
    const lang = langOf(c);
    const returnTo = safeReturnTo(c.req.query("returnTo"), `/${lang}/meg`);
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <SignInPage
        lang={lang}
        providers={deps(c).oidc.configured()}
        returnTo={returnTo}
        form={{ values: {}, errors: {} }}
        anotherAccount={c.req.query(ANOTHER_ACCOUNT) === "1"}
      />,
    );
  });

  app.get("/auth/:provider{idporten|feide}/start", async (c) => {
    const d = deps(c);
    const provider = c.req.param("provider") as ProviderId;
    const lang = (
      ["nb", "nn", "en"].includes(c.req.query("lang") ?? "") ? c.req.query("lang") : "nb"
    ) as Lang;
    if (!d.oidc.settings(provider)) return errorPage(c, "notFound");
    const returnTo = safeReturnTo(c.req.query("returnTo"), `/${lang}/meg`);
    const { url, attempt } = await startSignIn(d.db, d.oidc, {
      provider,
      redirectUri: `${requestOrigin(c)}/auth/${provider}/callback`,
      returnTo,
      lang,
      now: d.clock.now(),
      // After a sign-in that found no access, the provider must ask again, not vouch for the
      // same person by single sign-on.
      askWho: c.req.query(ANOTHER_ACCOUNT) === "1" || foundNoAccess(c),
    });
    // SameSite=Lax: the cookie comes back on the provider's top-level redirect to the callback.
    setCookie(c, ATTEMPT_COOKIE, attempt, {
      httpOnly: true,
      sameSite: "Lax",
      path: "/auth",
      maxAge: 600,
      secure: requestOrigin(c).startsWith("https:"),
    });
    return c.redirect(url, 302);
  });

  app.get("/auth/:provider{idporten|feide}/callback", async (c) => {
    const d = deps(c);
    const provider = c.req.param("provider") as ProviderId;
    if (!d.oidc.settings(provider)) return errorPage(c, "notFound");
    const attempt = getCookie(c, ATTEMPT_COOKIE);
    deleteCookie(c, ATTEMPT_COOKIE, { path: "/auth" });
    // The callback URL as the provider saw it, even behind a proxy.
    const current = new URL(c.req.url);
    const base = new URL(requestOrigin(c));
    current.protocol = base.protocol;
    current.host = base.host;
    try {
      const claims = await finishSignIn(d.db, d.oidc, {
        provider,
        attempt,
        currentUrl: current,
        now: d.clock.now(),
      });
      const outcome = await signInWithProvider(
        d.db,
        claims,
        d.clock.now(),
        c.get("user")?.personId ?? null,
      );
      return landed(c, outcome, claims.lang as Lang, claims.returnTo);
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      // Logged without anything personal: the provider and what was wrong.
      d.log(`sign-in refused (${provider}): ${error.reason}: ${error.message.slice(0, 200)}`);
      const lang = "nb";
      const it = identityText(lang);
      return render(
        c,
        <MessagePage
          lang={lang}
          title={it.refusedTitle}
          lead={error.reason === "acr" ? it.acrLead : it.refusedLead}
          color="danger"
        >
          <p class="ds-paragraph">
            <a class="ds-link" href={localPath(lang, "/logg-inn")}>
              {it.signIn}
            </a>
          </p>
        </MessagePage>,
        400,
      );
    }
  });

  app.post("/:lang{nb|nn|en}/logg-inn/e-post", async (c) => {
    const lang = langOf(c);
    const d = deps(c);
    const values = await readForm(c);
    const returnTo = safeReturnTo(values.returnTo, `/${lang}/meg`);
    if (isBot(values)) return errorPage(c, "badRequest");
    if (!(await withinRateLimit(c, "sign-in-code"))) return errorPage(c, "tooMany");
    const parsed = validate(signInForm, values);
    if (!parsed.ok) {
      return render(
        c,
        <SignInPage
          lang={lang}
          providers={d.oidc.configured()}
          returnTo={returnTo}
          form={{ values, errors: parsed.errors }}
        />,
        422,
      );
    }
    const { email } = parsed.data;
    await requestCode(d.db, { email, lang }, { now: d.clock.now(), secret: d.secret });
    d.onJobQueued();
    c.header("Cache-Control", "no-store");
    return render(c, <CodePage lang={lang} email={email} returnTo={returnTo} />);
  });

  app.post("/:lang{nb|nn|en}/logg-inn/kode", async (c) => {
    const lang = langOf(c);
    const d = deps(c);
    const values = await readForm(c);
    const email = (values.email ?? "").trim();
    const returnTo = safeReturnTo(values.returnTo, `/${lang}/meg`);
    // The address comes from the code page's hidden field: a bad one is no typing mistake.
    if (!isEmailAddress(email)) return errorPage(c, "badRequest");
    if (!(await withinRateLimit(c, "sign-in-verify"))) return errorPage(c, "tooMany");
    const code = (values.code ?? "").replace(/\s/g, "");
    const again = (form: { values: Record<string, string>; errors: FieldErrors }) =>
      render(c, <CodePage lang={lang} email={email} returnTo={returnTo} form={form} />, 422);
    if (!/^\d{6}$/.test(code)) {
      return again({
        values: { code: values.code ?? "" },
        errors: { code: { code: "codeFormat" } },
      });
    }
    const outcome = await verifyCode(
      d.db,
      { email, code },
      { now: d.clock.now(), secret: d.secret },
    );
    if (outcome.kind === "wrong") {
      return again({
        values: { code },
        errors: { code: { code: "wrongCode", params: { left: outcome.attemptsLeft } } },
      });
    }
    if (outcome.kind === "expired") {
      return again({ values: {}, errors: { code: { code: "expiredCode" } } });
    }
    return landed(c, outcome, lang, returnTo);
  });

  app.get("/:lang{nb|nn|en}/ingen-tilgang", (c) => noAccessPage(c, langOf(c)));

  app.post("/:lang{nb|nn|en}/logg-ut", async (c) => {
    const lang = langOf(c);
    const raw = readSessionCookie(c);
    if (raw) await endSession(deps(c).db, raw, deps(c).clock.now());
    clearSessionCookie(c);
    return c.redirect(`/${lang}/logget-ut`, 303);
  });

  app.get("/:lang{nb|nn|en}/logget-ut", (c) => {
    const lang = langOf(c);
    const it = identityText(lang);
    const n = Number(c.req.query("okter") ?? "");
    const lead = Number.isInteger(n) && n > 0 ? it.signedOutEverywhere(n) : it.signedOutLead;
    return render(
      c,
      <MessagePage lang={lang} title={it.signedOutTitle} lead={lead} color="success" />,
    );
  });

  return app;
}

/** The kind of organisation a role's form searches: none chosen yet, any kind. */
const kindOf = (role: string | undefined): OrgKind | null =>
  role && isRole(role) ? ROLES[role].orgKind : null;

const adminActor = (c: AppContext, reads: IdentityReads): AdminActor => ({
  personId: c.get("user")!.personId,
  now: deps(c).clock.now(),
  cohortReach: reads.cohortReach,
});

/** Out of the actor's scope: the same 403 as a missing permission. */
function allowed<T extends { ok: boolean; forbidden?: boolean }>(result: T): T {
  if (!result.ok && result.forbidden) throw new Forbidden("role outside the actor's scope");
  return result;
}

/** The signed-in pages; `reads` are what the modules built on identity lend it (reads.ts). */
export function protectedIdentityRoutes(reads: IdentityReads) {
  const app = new Hono<AppEnv>();

  app.post("/:lang{nb|nn|en}/logg-ut/overalt", async (c) => {
    const lang = langOf(c);
    const user = c.get("user")!;
    const n = await endAllSessions(deps(c).db, user.personId, deps(c).clock.now());
    clearSessionCookie(c);
    return c.redirect(`/${lang}/logget-ut?okter=${n}`, 303);
  });

  app.get("/:lang{nb|nn|en}/meg", async (c) => {
    const lang = langOf(c);
    requirePermission(c, "read", "profile");
    const d = deps(c);
    const user = c.get("user")!;
    const methods = await d.db
      .select({ provider: identities.provider })
      .from(identities)
      .where(eq(identities.personId, user.personId));
    const affs = await d.db
      .select()
      .from(affiliations)
      .where(eq(affiliations.personId, user.personId));
    const it = identityText(lang);
    const method = (m: string) => it.methods[m] ?? m;
    // Every person with an address can also sign in with a code by e-mail.
    const linked = [...methods.map((m) => m.provider), ...(user.email ? ["email"] : [])];
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <ProfilePage
        lang={lang}
        name={user.name}
        email={user.email}
        roles={await roleViews(c, user.roles, lang)}
        signedInWith={it.methods[user.sessionVia] ? method(user.sessionVia) : undefined}
        methods={[...new Set(linked.map(method))]}
        affiliations={
          await Promise.all(
            affs.map(async (a) => {
              const name = (await getUnit(d.db, a.orgNumber))?.name ?? it.orgNumber(a.orgNumber);
              const kind = a.affiliation ? (it.affiliations[a.affiliation] ?? a.affiliation) : "";
              return kind ? `${name} (${kind})` : name;
            }),
          )
        }
        since={user.sessionCreatedAt}
      />,
    );
  });

  app.get("/:lang{nb|nn|en}/meg/data", async (c) => {
    requirePermission(c, "export", "person");
    const data = await exportPerson(deps(c).db, c.get("user")!.personId);
    c.header("Cache-Control", "no-store");
    c.header("Content-Disposition", 'attachment; filename="samspill-mine-data.json"');
    return c.json(data);
  });

  app.get("/:lang{nb|nn|en}/meg/slett", (c) => {
    requirePermission(c, "delete", "person");
    return render(c, <DeletePage lang={langOf(c)} />);
  });

  app.post("/:lang{nb|nn|en}/meg/slett", async (c) => {
    requirePermission(c, "delete", "person");
    const lang = langOf(c);
    const user = c.get("user")!;
    await deletePerson(deps(c).db, user.personId, {
      personId: user.personId,
      now: deps(c).clock.now(),
    });
    clearSessionCookie(c);
    const it = identityText(lang);
    return render(
      c,
      <MessagePage lang={lang} title={it.deletedTitle} lead={it.deletedLead} color="success" />,
    );
  });

  async function peoplePage(
    c: AppContext,
    extra: {
      invite?: { values: Record<string, string>; errors: FieldErrors };
      orgChoices?: OrgChoice[] | null;
      message?: string;
      roleErrors?: FieldErrors;
    },
    status: 200 | 422 = 200,
  ) {
    const lang = langOf(c);
    const d = deps(c);
    const q = (c.req.query("q") ?? "").slice(0, 100);
    const role = c.req.query("rolle") ?? "";
    const actor = adminActor(c, reads);
    const people = await listPeopleInScope(d.db, { q, role: isRole(role) ? role : "" }, actor);
    const invitations = await listOpenInvitationsInScope(d.db, actor);
    const today = osloToday(d.clock.now());
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <PeopleAdminPage
        lang={lang}
        people={
          await Promise.all(
            people.map(async (p) => ({ ...p, roles: await roleViews(c, p.roles, lang) })),
          )
        }
        invitations={
          await Promise.all(
            invitations.map(async (i) => ({
              ...i,
              orgName: await orgName(d.db, i.orgKind, i.orgId, lang, today),
            })),
          )
        }
        filter={{ q, role }}
        invite={extra.invite ?? { values: {}, errors: {} }}
        orgChoices={extra.orgChoices ?? null}
        message={extra.message}
        roleErrors={extra.roleErrors}
      />,
      status,
    );
  }

  app.get("/:lang{nb|nn|en}/admin/personer", (c) => {
    requirePermission(c, "manage", "role");
    const ad = adminTexts(langOf(c));
    const m = c.req.query("melding");
    const message =
      m === "invited"
        ? ad.invited
        : m === "changed"
          ? ad.changed
          : m === "revoked"
            ? ad.revoked
            : undefined;
    return peoplePage(c, message ? { message } : {});
  });

  /** The organisations a role form's search finds, within the admin's scope; null: no search. */
  async function orgChoicesFor(c: AppContext, values: Record<string, string>) {
    const query = (values.orgQuery ?? "").trim().slice(0, 100);
    if (!query) return null;
    return findOrgsInScope(deps(c).db, query, kindOf(values.role), langOf(c), adminActor(c, reads));
  }

  // The search behind the role forms, for the page's script: the same radio buttons as the
  // form shows after "Søk", within the same scope.
  app.get("/:lang{nb|nn|en}/admin/organisasjonsvalg", async (c) => {
    requirePermission(c, "manage", "role");
    const lang = langOf(c);
    const values = { orgQuery: c.req.query("q") ?? "", role: c.req.query("rolle") ?? "" };
    const choices = await orgChoicesFor(c, values);
    c.header("Cache-Control", "no-store");
    return c.html(
      (
        <OrgChoices lang={lang} query={values.orgQuery.trim()} choices={choices} chosen="" />
      ).toString(),
    );
  });

  app.post("/:lang{nb|nn|en}/admin/invitasjoner", async (c) => {
    requirePermission(c, "manage", "role");
    const lang = langOf(c);
    const d = deps(c);
    const values = await readForm(c);
    const orgChoices = await orgChoicesFor(c, values);
    // "Søk etter organisasjon": the form again, with what was found; nothing is stored.
    if (values.action === "search")
      return peoplePage(c, { invite: { values, errors: {} }, orgChoices });
    const parsed = validate(inviteForm, values);
    if (!parsed.ok)
      return peoplePage(c, { invite: { values, errors: parsed.errors }, orgChoices }, 422);
    const result = await inviteAsAdmin(
      d.db,
      {
        email: parsed.data.email,
        name: parsed.data.name,
        role: parsed.data.role as keyof typeof ROLES,
        orgId: parsed.data.orgId,
        lang,
      },
      { ...adminActor(c, reads), baseUrl: d.linkBase },
    );
    allowed(result);
    if (!result.ok && !result.forbidden)
      return peoplePage(c, { invite: { values, errors: result.errors }, orgChoices }, 422);
    d.onJobQueued();
    return c.redirect(`/${lang}/admin/personer?melding=invited`, 303);
  });

  /** The change form of one role, or 404 when it has ended; 403 outside the admin's scope. */
  async function roleChangePage(
    c: AppContext,
    roleId: number,
    form: { values?: Record<string, string>; errors?: FieldErrors } = {},
    status: 200 | 422 = 200,
  ) {
    const d = deps(c);
    const lang = langOf(c);
    const it = identityText(lang);
    const found = allowed((await roleToChange(d.db, roleId, adminActor(c, reads))) ?? { ok: true });
    if (!("role" in found)) return errorPage(c, "notFound");
    const { role, person } = found;
    const today = osloToday(d.clock.now());
    const currentOrg = await orgName(d.db, role.orgKind, role.orgId, lang, today);
    const values = form.values ?? { role: role.role, orgQuery: currentOrg, orgId: role.orgId };
    const searched = form.values ? await orgChoicesFor(c, values) : null;
    const current: OrgChoice = {
      orgKind: role.orgKind as OrgKind,
      orgId: role.orgId,
      name: currentOrg,
      place: null,
    };
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <RoleChangePage
        lang={lang}
        roleId={roleId}
        personName={person?.name ?? "–"}
        current={it.roleAt(it.roles[role.role] ?? role.role, currentOrg)}
        form={{ values, errors: form.errors ?? {} }}
        choices={form.values ? searched : [current]}
      />,
      status,
    );
  }

  app.get("/:lang{nb|nn|en}/admin/roller/:id{[0-9]{1,9}}/endre", (c) => {
    requirePermission(c, "manage", "role");
    return roleChangePage(c, Number(c.req.param("id")));
  });

  app.post("/:lang{nb|nn|en}/admin/invitasjoner/:id{[0-9]{1,9}}/trekk", async (c) => {
    requirePermission(c, "manage", "role");
    const lang = langOf(c);
    allowed(
      await revokeInvitationAsAdmin(deps(c).db, Number(c.req.param("id")), adminActor(c, reads)),
    );
    return c.redirect(`/${lang}/admin/personer?melding=revoked`, 303);
  });

  app.post("/:lang{nb|nn|en}/admin/roller/:id{[0-9]{1,9}}/endre", async (c) => {
    requirePermission(c, "manage", "role");
    const lang = langOf(c);
    const d = deps(c);
    const roleId = Number(c.req.param("id"));
    const values = await readForm(c);
    if (values.action === "search") return roleChangePage(c, roleId, { values });
    const parsed = validate(roleChangeForm, values);
    if (!parsed.ok) return roleChangePage(c, roleId, { values, errors: parsed.errors }, 422);
    const result = allowed(
      await changeRoleAsAdmin(
        d.db,
        roleId,
        { role: parsed.data.role as keyof typeof ROLES, orgId: parsed.data.orgId },
        adminActor(c, reads),
      ),
    );
    if (!result.ok && !result.forbidden) {
      // The role has ended meanwhile: back to the list, which says so.
      if (result.errors.role?.code === "staleRole")
        return peoplePage(c, { roleErrors: { [`role-${roleId}`]: result.errors.role } }, 422);
      return roleChangePage(c, roleId, { values, errors: result.errors }, 422);
    }
    return c.redirect(`/${lang}/admin/personer?melding=changed`, 303);
  });

  app.post("/:lang{nb|nn|en}/admin/roller/:id{[0-9]{1,9}}/avslutt", async (c) => {
    requirePermission(c, "manage", "role");
    const lang = langOf(c);
    allowed(await revokeRoleAsAdmin(deps(c).db, Number(c.req.param("id")), adminActor(c, reads)));
    return c.redirect(`/${lang}/admin/personer?melding=revoked`, 303);
  });

  app.get("/:lang{nb|nn|en}/admin/logg", async (c) => {
    requirePermission(c, "read", "audit");
    const lang = langOf(c);
    const d = deps(c);
    const day = /^\d{4}-\d{2}-\d{2}$/;
    const fra = c.req.query("fra") ?? "";
    const til = c.req.query("til") ?? "";
    const filter = {
      handling: (c.req.query("handling") ?? "").slice(0, 60),
      gjelder: (c.req.query("gjelder") ?? "").slice(0, 60),
      fra: day.test(fra) ? fra : "",
      til: day.test(til) ? til : "",
    };
    const page = Math.max(
      1,
      Math.min(10_000, Number.parseInt(c.req.query("side") ?? "1", 10) || 1),
    );
    const [entityType, entityId] = filter.gjelder.includes(":")
      ? filter.gjelder.split(":")
      : [filter.gjelder || undefined, undefined];
    const result = await listAudit(
      d.db,
      {
        action: filter.handling || undefined,
        entityType,
        entityId,
        from: filter.fra ? new Date(`${filter.fra}T00:00:00+01:00`) : undefined,
        to: filter.til
          ? new Date(new Date(`${filter.til}T00:00:00+01:00`).getTime() + 86_400_000)
          : undefined,
      },
      page,
    );
    c.header("Cache-Control", "no-store");
    return render(
      c,
      <AuditPage
        lang={lang}
        rows={await describeAudit(d.db, result.rows, lang, reads)}
        filter={filter}
        page={page}
        hasMore={result.hasMore}
        pageSize={AUDIT_PAGE_SIZE}
      />,
    );
  });

  return app;
}
