import type { Child } from "hono/jsx";
import { DataTable } from "../../web/components/data-table";
import {
  ErrorSummary,
  errorText,
  Field,
  type FormState,
  Honeypot,
  Select,
} from "../../web/components/form";
import { formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import type { AUDIT_PAGE_SIZE } from "./audit";
import { ROLE_NAMES } from "./roles";

export function Notice(props: {
  color: "success" | "info" | "warning" | "danger";
  children: Child;
}) {
  return (
    <div
      class="ds-alert"
      data-color={props.color}
      role={props.color === "success" ? "status" : undefined}
    >
      {props.children}
    </div>
  );
}

/** The query parameter of the sign-in page that asks the provider for another account. */
export const ANOTHER_ACCOUNT = "annen-konto";

export function SignInPage(props: {
  lang: Lang;
  providers: ("idporten" | "feide")[];
  returnTo: string;
  form: FormState;
  /** The provider is to ask who signs in, not vouch by single sign-on for whoever did last. */
  anotherAccount?: boolean;
}) {
  const t = messages(props.lang);
  const q = `lang=${props.lang}&returnTo=${encodeURIComponent(props.returnTo)}${props.anotherAccount ? `&${ANOTHER_ACCOUNT}=1` : ""}`;
  const emailError = props.form.errors.email
    ? errorText(t, t.identity.email, props.form.errors.email)
    : undefined;
  return (
    <Layout
      lang={props.lang}
      title={t.identity.signInTitle}
      path="/logg-inn"
      hasErrors={!!emailError}
    >
      <h1 class="ds-heading" data-size="xl">
        {t.identity.signInTitle}
      </h1>
      <p class="ds-paragraph lead">{t.identity.signInLead}</p>
      <ErrorSummary t={t} items={emailError ? [{ href: "#email", text: emailError }] : []} />
      <ul class="sign-in-options">
        {props.providers.includes("idporten") ? (
          <li class="ds-card">
            {/* Links, not forms: a form's redirect to the provider would be stopped by form-action. */}
            <a class="ds-button" data-variant="primary" href={`/auth/idporten/start?${q}`}>
              {t.identity.withIdporten}
            </a>
            <p class="ds-paragraph" data-size="sm">
              {t.identity.idportenHint}
            </p>
          </li>
        ) : null}
        {props.providers.includes("feide") ? (
          <li class="ds-card">
            <a class="ds-button" data-variant="primary" href={`/auth/feide/start?${q}`}>
              {t.identity.withFeide}
            </a>
            <p class="ds-paragraph" data-size="sm">
              {t.identity.feideHint}
            </p>
          </li>
        ) : null}
      </ul>
      <section aria-labelledby="email-heading" class="ds-card">
        <h2 class="ds-heading" data-size="sm" id="email-heading">
          {t.identity.withEmail}
        </h2>
        <p class="ds-paragraph">{t.identity.emailHint}</p>
        <form
          method="post"
          action={localPath(props.lang, "/logg-inn/e-post")}
          novalidate
          class="stack"
        >
          <Honeypot form="sign-in" />
          <input type="hidden" name="returnTo" value={props.returnTo} />
          <Field
            t={t}
            name="email"
            type="email"
            label={t.identity.email}
            autocomplete="email"
            maxLength={254}
            value={props.form.values.email}
            error={emailError}
          />
          <div>
            <button class="ds-button" data-variant="secondary" type="submit">
              {t.identity.sendCode}
            </button>
          </div>
        </form>
      </section>
    </Layout>
  );
}

export function CodePage(props: {
  lang: Lang;
  email: string;
  returnTo: string;
  error?: string | undefined;
  code?: string;
}) {
  const t = messages(props.lang);
  return (
    <Layout
      lang={props.lang}
      title={t.identity.codeTitle}
      path={undefined}
      hasErrors={!!props.error}
    >
      <h1 class="ds-heading" data-size="lg">
        {t.identity.codeTitle}
      </h1>
      <p class="ds-paragraph">{t.identity.codeLead}</p>
      <ErrorSummary t={t} items={props.error ? [{ href: "#code", text: props.error }] : []} />
      <form method="post" action={localPath(props.lang, "/logg-inn/kode")} novalidate class="stack">
        <input type="hidden" name="email" value={props.email} />
        <input type="hidden" name="returnTo" value={props.returnTo} />
        <Field
          t={t}
          name="code"
          label={t.identity.code}
          hint={t.identity.codeHint}
          autocomplete="one-time-code"
          maxLength={10}
          value={props.code}
          error={props.error}
        />
        <div>
          <button class="ds-button" data-variant="primary" type="submit">
            {t.identity.confirmCode}
          </button>
        </div>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(props.lang, "/logg-inn")}>
          {t.identity.newCode}
        </a>
      </p>
    </Layout>
  );
}

export function MessagePage(props: {
  lang: Lang;
  title: string;
  lead: string;
  color: "success" | "info" | "warning" | "danger";
  children?: Child;
}) {
  return (
    <Layout lang={props.lang} title={props.title} path={undefined}>
      <Notice color={props.color}>
        <h1 class="ds-heading" data-size="md">
          {props.title}
        </h1>
        <p class="ds-paragraph">{props.lead}</p>
      </Notice>
      {props.children}
    </Layout>
  );
}

export type RoleView = {
  id: number;
  role: string;
  orgKind: string;
  orgId: string;
  orgName: string;
};

export function RoleList(props: { lang: Lang; roles: RoleView[] }) {
  const t = messages(props.lang);
  if (props.roles.length === 0) return <p class="ds-paragraph">{t.identity.noRoles}</p>;
  return (
    <ul class="ds-list">
      {props.roles.map((r) => (
        <li>{t.identity.roleAt(t.identity.roles[r.role] ?? r.role, r.orgName)}</li>
      ))}
    </ul>
  );
}

export function ProfilePage(props: {
  lang: Lang;
  name: string;
  email: string | null;
  roles: RoleView[];
  methods: string[];
  affiliations: string[];
  since: Date;
  message?: string | undefined;
}) {
  const t = messages(props.lang);
  return (
    <Layout lang={props.lang} title={t.identity.profile} path="/meg">
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <h1 class="ds-heading" data-size="xl">
        {t.identity.profile}
      </h1>
      <p class="ds-paragraph lead">{t.identity.profileLead}</p>
      <dl class="receipt">
        <div>
          <dt>{t.identity.name}</dt>
          <dd>{props.name}</dd>
        </div>
        <div>
          <dt>{t.identity.email}</dt>
          <dd>{props.email ?? "–"}</dd>
        </div>
        <div>
          <dt>{t.identity.signInMethods}</dt>
          <dd>{props.methods.join(", ") || "–"}</dd>
        </div>
        {props.affiliations.length > 0 ? (
          <div>
            <dt>{t.identity.affiliations}</dt>
            <dd>{props.affiliations.join(", ")}</dd>
          </div>
        ) : null}
      </dl>
      <h2 class="ds-heading" data-size="md">
        {t.identity.yourRoles}
      </h2>
      <RoleList lang={props.lang} roles={props.roles} />
      <p class="ds-paragraph">{t.identity.sessionSince(formatDateTime(props.lang, props.since))}</p>
      <div class="button-row">
        <form method="post" action={localPath(props.lang, "/logg-ut")}>
          <button class="ds-button" data-variant="secondary" type="submit">
            {t.identity.signOut}
          </button>
        </form>
        <form method="post" action={localPath(props.lang, "/logg-ut/overalt")}>
          <button class="ds-button" data-variant="secondary" type="submit">
            {t.identity.signOutEverywhere}
          </button>
        </form>
      </div>
      <h2 class="ds-heading" data-size="md">
        {t.identity.yourData}
      </h2>
      <ul class="ds-list">
        <li>
          <a
            class="ds-link"
            href={localPath(props.lang, "/meg/data")}
            download="samspill-mine-data.json"
          >
            {t.identity.download}
          </a>
        </li>
        <li>
          <a class="ds-link" href={localPath(props.lang, "/meg/slett")}>
            {t.identity.deleteTitle}
          </a>
        </li>
      </ul>
    </Layout>
  );
}

export function DeletePage(props: { lang: Lang }) {
  const t = messages(props.lang);
  return (
    <Layout lang={props.lang} title={t.identity.deleteTitle} path="/meg/slett">
      <h1 class="ds-heading" data-size="lg">
        {t.identity.deleteTitle}
      </h1>
      <Notice color="warning">
        <p class="ds-paragraph">{t.identity.deleteLead}</p>
      </Notice>
      <form method="post" action={localPath(props.lang, "/meg/slett")}>
        <button class="ds-button" data-variant="primary" data-color="danger" type="submit">
          {t.identity.deleteConfirm}
        </button>
      </form>
    </Layout>
  );
}

export type PersonRow = {
  id: number;
  name: string | null;
  email: string | null;
  demo: string | null;
  roles: RoleView[];
};
export type InvitationRow = {
  id: number;
  name: string;
  email: string;
  role: string;
  orgName: string;
  expiresAt: Date;
};

export function PeopleAdminPage(props: {
  lang: Lang;
  people: PersonRow[];
  invitations: InvitationRow[];
  filter: { q: string; role: string };
  invite: FormState;
  message?: string | undefined;
  roleError?: { roleId: number; text: string } | undefined;
}) {
  const t = messages(props.lang);
  const roleOptions = ROLE_NAMES.map((r) => ({ value: r, label: t.identity.roles[r] ?? r }));
  const { values, errors } = props.invite;
  const labels: Record<string, string> = {
    name: t.identity.name,
    email: t.identity.email,
    role: t.admin.filterRole,
    orgId: t.admin.orgId,
  };
  const err = (f: string) => (errors[f] ? errorText(t, labels[f] ?? f, errors[f]) : undefined);
  const summary = ["name", "email", "role", "orgId"]
    .filter((f) => errors[f])
    .map((f) => ({ href: `#${f}`, text: err(f) ?? "" }));
  if (props.roleError)
    summary.push({ href: `#role-${props.roleError.roleId}`, text: props.roleError.text });
  return (
    <Layout
      lang={props.lang}
      title={t.admin.people}
      path="/admin/personer"
      hasErrors={summary.length > 0}
    >
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <h1 class="ds-heading" data-size="xl">
        {t.admin.people}
      </h1>
      <p class="ds-paragraph lead">{t.admin.peopleLead}</p>
      <ErrorSummary t={t} items={summary} />
      <form method="get" action={localPath(props.lang, "/admin/personer")} class="filters">
        <Field t={t} name="q" label={t.admin.search} value={props.filter.q} />
        <Select
          t={t}
          name="rolle"
          label={t.admin.filterRole}
          value={props.filter.role}
          options={[{ value: "", label: t.admin.allRoles }, ...roleOptions]}
        />
        <div>
          <button class="ds-button" data-variant="secondary" type="submit">
            {t.admin.filter}
          </button>
        </div>
      </form>
      <DataTable label={t.admin.people} columns={[t.admin.person, t.admin.roles]}>
        {props.people.map((p) => (
          <tr>
            <td>
              <strong>{p.name ?? "–"}</strong>
              {p.demo ? (
                <span class="ds-tag" data-color="warning">
                  {" "}
                  {t.identity.demo}
                </span>
              ) : null}
              <br />
              <span class="subtle">{p.email}</span>
            </td>
            <td>
              <ul class="role-rows">
                {p.roles.map((r) => (
                  <li id={`role-${r.id}`}>
                    <span>{t.identity.roleAt(t.identity.roles[r.role] ?? r.role, r.orgName)}</span>
                    <form
                      method="post"
                      action={localPath(props.lang, `/admin/roller/${r.id}/endre`)}
                      class="inline-form"
                    >
                      <label class="ds-label ds-sr-only" for={`role-${r.id}-role`}>
                        {t.admin.filterRole}
                      </label>
                      <select class="ds-input" id={`role-${r.id}-role`} name="role">
                        {roleOptions.map((o) => (
                          <option value={o.value} selected={o.value === r.role}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <label class="ds-label ds-sr-only" for={`role-${r.id}-org`}>
                        {t.admin.orgId}
                      </label>
                      <input
                        class="ds-input"
                        id={`role-${r.id}-org`}
                        name="orgId"
                        value={r.orgId}
                        size={12}
                      />
                      <button
                        class="ds-button"
                        data-variant="secondary"
                        data-size="sm"
                        type="submit"
                      >
                        {t.admin.change}
                      </button>
                    </form>
                    <form
                      method="post"
                      action={localPath(props.lang, `/admin/roller/${r.id}/avslutt`)}
                      class="inline-form"
                    >
                      <button
                        class="ds-button"
                        data-variant="tertiary"
                        data-size="sm"
                        type="submit"
                      >
                        {t.admin.revoke}
                        <span class="ds-sr-only">
                          {" "}
                          {t.identity.roleAt(t.identity.roles[r.role] ?? r.role, r.orgName)}
                        </span>
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </DataTable>
      <section aria-labelledby="invite-heading" class="ds-card">
        <h2 class="ds-heading" data-size="md" id="invite-heading">
          {t.admin.invite}
        </h2>
        <p class="ds-paragraph">{t.admin.inviteLead}</p>
        <form
          method="post"
          action={localPath(props.lang, "/admin/invitasjoner")}
          novalidate
          class="stack"
        >
          <Field
            t={t}
            name="name"
            label={t.identity.name}
            maxLength={100}
            value={values.name}
            error={err("name")}
          />
          <Field
            t={t}
            name="email"
            type="email"
            label={t.identity.email}
            maxLength={254}
            value={values.email}
            error={err("email")}
          />
          <Select
            t={t}
            name="role"
            label={t.admin.filterRole}
            placeholder={t.form.choose}
            options={roleOptions}
            value={values.role}
            error={err("role")}
          />
          <Field
            t={t}
            name="orgId"
            label={t.admin.orgId}
            hint={t.admin.orgIdHint}
            maxLength={40}
            value={values.orgId}
            error={err("orgId")}
          />
          <div>
            <button class="ds-button" data-variant="primary" type="submit">
              {t.admin.sendInvite}
            </button>
          </div>
        </form>
      </section>
      <h2 class="ds-heading" data-size="md">
        {t.admin.openInvitations}
      </h2>
      {props.invitations.length === 0 ? <p class="ds-paragraph">{t.admin.noInvitations}</p> : null}
      <ul class="ds-list">
        {props.invitations.map((i) => (
          <li>
            {i.name} ({i.email}): {t.identity.roleAt(t.identity.roles[i.role] ?? i.role, i.orgName)}{" "}
            · {t.admin.expires} {formatDateTime(props.lang, i.expiresAt)}
            <form
              method="post"
              action={localPath(props.lang, `/admin/invitasjoner/${i.id}/trekk`)}
              class="inline-form"
            >
              <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit">
                {t.admin.withdraw}
                <span class="ds-sr-only"> {i.email}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export type AuditView = {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  before: string;
  after: string;
};

export function AuditPage(props: {
  lang: Lang;
  rows: AuditView[];
  filter: Record<string, string>;
  page: number;
  hasMore: boolean;
  pageSize: typeof AUDIT_PAGE_SIZE;
}) {
  const t = messages(props.lang);
  const query = (page: number) => {
    const params = new URLSearchParams({ ...props.filter, side: String(page) });
    return `${localPath(props.lang, "/admin/logg")}?${params}`;
  };
  return (
    <Layout lang={props.lang} title={t.admin.audit} path="/admin/logg">
      <h1 class="ds-heading" data-size="xl">
        {t.admin.audit}
      </h1>
      <p class="ds-paragraph lead">{t.admin.auditLead}</p>
      <form method="get" action={localPath(props.lang, "/admin/logg")} class="filters">
        <Field t={t} name="handling" label={t.admin.action} value={props.filter.handling} />
        <Field t={t} name="gjelder" label={t.admin.entity} value={props.filter.gjelder} />
        <div class="ds-field">
          <label class="ds-label" for="fra">
            {t.admin.from}
          </label>
          <input class="ds-input" type="date" id="fra" name="fra" value={props.filter.fra ?? ""} />
        </div>
        <div class="ds-field">
          <label class="ds-label" for="til">
            {t.admin.to}
          </label>
          <input class="ds-input" type="date" id="til" name="til" value={props.filter.til ?? ""} />
        </div>
        <div>
          <button class="ds-button" data-variant="secondary" type="submit">
            {t.admin.filter}
          </button>
        </div>
      </form>
      {props.rows.length === 0 ? <p class="ds-paragraph">{t.admin.noEntries}</p> : null}
      {props.rows.length > 0 ? (
        <DataTable
          label={t.admin.audit}
          columns={[
            t.admin.when,
            t.admin.who,
            t.admin.what,
            t.admin.entity,
            t.admin.before,
            t.admin.after,
          ]}
        >
          {props.rows.map((r) => (
            <tr>
              <td>{formatDateTime(props.lang, r.at)}</td>
              <td>{r.actor}</td>
              <td>
                <code>{r.action}</code>
              </td>
              <td>{r.entity}</td>
              <td>
                <code class="pre">{r.before}</code>
              </td>
              <td>
                <code class="pre">{r.after}</code>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <nav aria-label={t.admin.audit} class="pager">
        {props.page > 1 ? (
          <a class="ds-link" href={query(props.page - 1)}>
            {t.admin.previousPage}
          </a>
        ) : null}
        {props.hasMore ? (
          <a class="ds-link" href={query(props.page + 1)}>
            {t.admin.nextPage}
          </a>
        ) : null}
      </nav>
    </Layout>
  );
}
