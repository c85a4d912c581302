import type { Child } from "hono/jsx";
import { emailMaxLength } from "../../kernel/field-rules";
import { DataTable } from "../../web/components/data-table";
import {
  DateField,
  ErrorSummary,
  Field,
  Honeypot,
  RadioGroup,
  Select,
} from "../../web/components/form";
import { type FormState, formView, type SummaryItem } from "../../web/form-errors";
import { formatDateTime, type Lang, messages } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import { adminTexts, roleAdminErrors } from "./admin-texts";
import type { AUDIT_PAGE_SIZE } from "./audit";
import { auditText } from "./audit-texts";
import type { AuditLine } from "./audit-view";
import type { OrgChoice } from "./role-admin";
import { inviteNameMaxLength } from "./role-forms";
import { ROLE_NAMES } from "./roles";
import { identityText, signInErrors } from "./texts";

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
  const it = identityText(props.lang);
  const q = `lang=${props.lang}&returnTo=${encodeURIComponent(props.returnTo)}${props.anotherAccount ? `&${ANOTHER_ACCOUNT}=1` : ""}`;
  const f = formView(props.lang, props.form, { labels: { email: it.email } });
  return (
    <Layout lang={props.lang} title={it.signInTitle} path="/logg-inn" hasErrors={f.hasErrors}>
      <h1 class="ds-heading" data-size="xl">
        {it.signInTitle}
      </h1>
      <p class="ds-paragraph lead">{it.signInLead}</p>
      <ErrorSummary t={t} items={f.summary} />
      <ul class="sign-in-options">
        {props.providers.includes("idporten") ? (
          <li class="ds-card">
            {/* Links, not forms: a form's redirect to the provider would be stopped by form-action. */}
            <a class="ds-button" data-variant="primary" href={`/auth/idporten/start?${q}`}>
              {it.withIdporten}
            </a>
            <p class="ds-paragraph" data-size="sm">
              {it.idportenHint}
            </p>
          </li>
        ) : null}
        {props.providers.includes("feide") ? (
          <li class="ds-card">
            <a class="ds-button" data-variant="primary" href={`/auth/feide/start?${q}`}>
              {it.withFeide}
            </a>
            <p class="ds-paragraph" data-size="sm">
              {it.feideHint}
            </p>
          </li>
        ) : null}
      </ul>
      <section aria-labelledby="email-heading" class="ds-card">
        <h2 class="ds-heading" data-size="sm" id="email-heading">
          {it.withEmail}
        </h2>
        <p class="ds-paragraph">{it.emailHint}</p>
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
            {...f.bind("email")}
            type="email"
            autocomplete="email"
            maxLength={emailMaxLength}
          />
          <div>
            <button class="ds-button" data-variant="secondary" type="submit">
              {it.sendCode}
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
  /** The code as typed and what was wrong with it; none when the page is new. */
  form?: FormState | undefined;
}) {
  const t = messages(props.lang);
  const it = identityText(props.lang);
  const f = formView(props.lang, props.form, {
    labels: { code: it.code },
    errors: signInErrors[props.lang],
  });
  return (
    <Layout lang={props.lang} title={it.codeTitle} path={undefined} hasErrors={f.hasErrors}>
      <h1 class="ds-heading" data-size="lg">
        {it.codeTitle}
      </h1>
      <p class="ds-paragraph">{it.codeLead}</p>
      <ErrorSummary t={t} items={f.summary} />
      <form method="post" action={localPath(props.lang, "/logg-inn/kode")} novalidate class="stack">
        <input type="hidden" name="email" value={props.email} />
        <input type="hidden" name="returnTo" value={props.returnTo} />
        <Field
          t={t}
          {...f.bind("code")}
          hint={it.codeHint}
          autocomplete="one-time-code"
          maxLength={10}
        />
        <div>
          <button class="ds-button" data-variant="primary" type="submit">
            {it.confirmCode}
          </button>
        </div>
      </form>
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(props.lang, "/logg-inn")}>
          {it.newCode}
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
  const it = identityText(props.lang);
  if (props.roles.length === 0) return <p class="ds-paragraph">{it.noRoles}</p>;
  return (
    <ul class="ds-list">
      {props.roles.map((r) => (
        <li>{it.roleAt(it.roles[r.role] ?? r.role, r.orgName)}</li>
      ))}
    </ul>
  );
}

export function ProfilePage(props: {
  lang: Lang;
  name: string;
  email: string | null;
  roles: RoleView[];
  /** How the person signed in this time, when that is one of the real methods. */
  signedInWith?: string | undefined;
  methods: string[];
  affiliations: string[];
  since: Date;
  message?: string | undefined;
}) {
  const it = identityText(props.lang);
  return (
    <Layout lang={props.lang} title={it.profile} path="/meg">
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <h1 class="ds-heading" data-size="xl">
        {it.profile}
      </h1>
      <p class="ds-paragraph lead">{it.profileLead}</p>
      <dl class="receipt">
        <div>
          <dt>{it.name}</dt>
          <dd>{props.name}</dd>
        </div>
        <div>
          <dt>{it.email}</dt>
          <dd>{props.email ?? "–"}</dd>
        </div>
        {props.signedInWith ? (
          <div>
            <dt>{identityText(props.lang).signedInWith}</dt>
            <dd>{props.signedInWith}</dd>
          </div>
        ) : null}
        <div>
          <dt>{it.signInMethods}</dt>
          <dd>{props.methods.join(", ") || "–"}</dd>
        </div>
        {props.affiliations.length > 0 ? (
          <div>
            <dt>{it.affiliationsTitle}</dt>
            <dd>{props.affiliations.join(", ")}</dd>
          </div>
        ) : null}
      </dl>
      <h2 class="ds-heading" data-size="md">
        {it.yourRoles}
      </h2>
      <RoleList lang={props.lang} roles={props.roles} />
      <p class="ds-paragraph">{it.sessionSince(formatDateTime(props.lang, props.since))}</p>
      <div class="button-row">
        <form method="post" action={localPath(props.lang, "/logg-ut")}>
          <button class="ds-button" data-variant="secondary" type="submit">
            {it.signOut}
          </button>
        </form>
        <form method="post" action={localPath(props.lang, "/logg-ut/overalt")}>
          <button class="ds-button" data-variant="secondary" type="submit">
            {it.signOutEverywhere}
          </button>
        </form>
      </div>
      <h2 class="ds-heading" data-size="md">
        {it.yourData}
      </h2>
      <ul class="ds-list">
        <li>
          <a
            class="ds-link"
            href={localPath(props.lang, "/meg/data")}
            download="samspill-mine-data.json"
          >
            {it.download}
          </a>
        </li>
        <li>
          <a class="ds-link" href={localPath(props.lang, "/meg/slett")}>
            {it.deleteTitle}
          </a>
        </li>
      </ul>
    </Layout>
  );
}

export function DeletePage(props: { lang: Lang }) {
  const it = identityText(props.lang);
  return (
    <Layout lang={props.lang} title={it.deleteTitle} path="/meg/slett">
      <h1 class="ds-heading" data-size="lg">
        {it.deleteTitle}
      </h1>
      <Notice color="warning">
        <p class="ds-paragraph">{it.deleteLead}</p>
      </Notice>
      <form method="post" action={localPath(props.lang, "/meg/slett")}>
        <button class="ds-button" data-variant="primary" data-color="danger" type="submit">
          {it.deleteConfirm}
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
  /** The admin's own row: shown, but nobody changes or ends their own roles. */
  self?: boolean;
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
  /** The organisations found for the invite form's search; null before any search. */
  orgChoices: OrgChoice[] | null;
  message?: string | undefined;
  /** Errors of the roles in the list, keyed `role-<id>` (the row's id, which they link to). */
  roleErrors?: FormState["errors"] | undefined;
}) {
  const t = messages(props.lang);
  const it = identityText(props.lang);
  const ad = adminTexts(props.lang);
  const roleOptions = ROLE_NAMES.map((r) => ({ value: r, label: it.roles[r] ?? r }));
  const f = formView(props.lang, props.invite, {
    labels: { name: it.name, email: it.email, role: ad.filterRole, orgId: ad.orgId },
    errors: roleAdminErrors[props.lang],
  });
  const rows = formView(
    props.lang,
    { values: {}, errors: props.roleErrors ?? {} },
    { labels: {}, errors: roleAdminErrors[props.lang] },
  );
  const summary = [...orgLinked(f.summary, props.orgChoices), ...rows.summary];
  return (
    <Layout
      lang={props.lang}
      title={ad.people}
      path="/admin/personer"
      hasErrors={summary.length > 0}
    >
      {props.message ? <Notice color="success">{props.message}</Notice> : null}
      <h1 class="ds-heading" data-size="xl">
        {ad.people}
      </h1>
      <p class="ds-paragraph lead">{ad.peopleLead}</p>
      <ErrorSummary t={t} items={summary} />
      <form method="get" action={localPath(props.lang, "/admin/personer")} class="filters">
        <Field t={t} name="q" label={ad.search} value={props.filter.q} />
        <Select
          t={t}
          name="rolle"
          label={ad.filterRole}
          value={props.filter.role}
          options={[{ value: "", label: ad.allRoles }, ...roleOptions]}
        />
        <div>
          <button class="ds-button" data-variant="secondary" type="submit">
            {ad.filter}
          </button>
        </div>
      </form>
      <DataTable label={ad.people} columns={[ad.person, ad.roles]}>
        {props.people.map((p) => (
          <tr>
            <td>
              <strong>{p.name ?? "–"}</strong>
              {p.demo ? (
                <span class="ds-tag" data-color="warning">
                  {" "}
                  {it.demo}
                </span>
              ) : null}
              <br />
              <span class="subtle">{p.email}</span>
            </td>
            <td>
              <ul class="role-rows">
                {p.roles.map((r) => (
                  <li id={`role-${r.id}`}>
                    <span>{it.roleAt(it.roles[r.role] ?? r.role, r.orgName)}</span>{" "}
                    {p.self ? null : (
                      <>
                        <a
                          class="ds-link"
                          href={localPath(props.lang, `/admin/roller/${r.id}/endre`)}
                        >
                          {ad.change}
                          <span class="ds-sr-only">
                            {" "}
                            {it.roleAt(it.roles[r.role] ?? r.role, r.orgName)}, {p.name ?? ""}
                          </span>
                        </a>
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
                            {ad.revoke}
                            <span class="ds-sr-only">
                              {" "}
                              {it.roleAt(it.roles[r.role] ?? r.role, r.orgName)}
                            </span>
                          </button>
                        </form>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </DataTable>
      <section aria-labelledby="invite-heading" class="ds-card">
        <h2 class="ds-heading" data-size="md" id="invite-heading">
          {ad.invite}
        </h2>
        <p class="ds-paragraph">{ad.inviteLead}</p>
        <form
          method="post"
          action={localPath(props.lang, "/admin/invitasjoner")}
          novalidate
          class="stack"
        >
          <Field t={t} {...f.bind("name")} maxLength={inviteNameMaxLength} />
          <Field t={t} {...f.bind("email")} type="email" maxLength={emailMaxLength} />
          <Select t={t} {...f.bind("role")} placeholder={t.form.choose} options={roleOptions} />
          <OrgPicker
            lang={props.lang}
            query={f.value("orgQuery")}
            chosen={f.value("orgId")}
            choices={props.orgChoices}
            error={f.error("orgId")}
          />
          <div>
            <button class="ds-button" data-variant="primary" type="submit">
              {ad.sendInvite}
            </button>
          </div>
        </form>
      </section>
      <h2 class="ds-heading" data-size="md">
        {ad.openInvitations}
      </h2>
      {props.invitations.length === 0 ? <p class="ds-paragraph">{ad.noInvitations}</p> : null}
      <ul class="ds-list">
        {props.invitations.map((i) => (
          <li>
            {i.name} ({i.email}): {it.roleAt(it.roles[i.role] ?? i.role, i.orgName)} · {ad.expires}{" "}
            {formatDateTime(props.lang, i.expiresAt)}
            <form
              method="post"
              action={localPath(props.lang, `/admin/invitasjoner/${i.id}/trekk`)}
              class="inline-form"
            >
              <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit">
                {ad.withdraw}
                <span class="ds-sr-only"> {i.email}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function AuditPage(props: {
  lang: Lang;
  rows: AuditLine[];
  filter: Record<string, string>;
  page: number;
  hasMore: boolean;
  pageSize: typeof AUDIT_PAGE_SIZE;
}) {
  const t = messages(props.lang);
  const ad = adminTexts(props.lang);
  const at = auditText(props.lang);
  // A filter, not a form that is refused: what is not understood is left out, never an error.
  const f = formView(
    props.lang,
    { values: props.filter, errors: {} },
    { labels: { handling: ad.action, gjelder: ad.entity, fra: ad.from, til: ad.to } },
  );
  const query = (page: number) => {
    const params = new URLSearchParams({ ...props.filter, side: String(page) });
    return `${localPath(props.lang, "/admin/logg")}?${params}`;
  };
  const chosen = props.filter.handling ?? "";
  const actionOptions = [
    { value: "", label: at.anyAction },
    ...Object.entries(at.actions).map(([value, a]) => ({ value, label: a.label })),
    // A code from an old link that has no text of its own stays selectable.
    ...(chosen && !at.actions[chosen] ? [{ value: chosen, label: chosen }] : []),
  ];
  return (
    <Layout lang={props.lang} title={ad.audit} path="/admin/logg">
      <h1 class="ds-heading" data-size="xl">
        {ad.audit}
      </h1>
      <p class="ds-paragraph lead">{ad.auditLead}</p>
      <form method="get" action={localPath(props.lang, "/admin/logg")} class="filters">
        <Select t={t} {...f.bind("handling")} options={actionOptions} />
        <Field t={t} {...f.bind("gjelder")} />
        <DateField t={t} {...f.bind("fra")} />
        <DateField t={t} {...f.bind("til")} />
        <div>
          <button class="ds-button" data-variant="secondary" type="submit">
            {ad.filter}
          </button>
        </div>
      </form>
      {props.rows.length === 0 ? <p class="ds-paragraph">{ad.noEntries}</p> : null}
      {props.rows.length > 0 ? (
        <DataTable label={ad.audit} columns={[ad.when, at.event, at.changes]}>
          {props.rows.map((r) => (
            <tr>
              <td>{formatDateTime(props.lang, r.at)}</td>
              <td>{r.sentence}</td>
              <td>
                {r.changes.length > 0 ? (
                  <dl class="audit-changes">
                    {r.changes.map((ch) => (
                      <div>
                        <dt>{ch.field}</dt>
                        <dd>
                          {ch.before === "–" ? (
                            ch.after
                          ) : (
                            <>
                              {ch.before} <span aria-hidden="true">→</span>{" "}
                              <span class="ds-sr-only">{at.changedTo} </span>
                              {ch.after}
                            </>
                          )}
                        </dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <nav aria-label={ad.audit} class="pager">
        {props.page > 1 ? (
          <a class="ds-link" href={query(props.page - 1)}>
            {ad.previousPage}
          </a>
        ) : null}
        {props.hasMore ? (
          <a class="ds-link" href={query(props.page + 1)}>
            {ad.nextPage}
          </a>
        ) : null}
      </nav>
    </Layout>
  );
}

/**
 * The summary with the organisation's error linked to where it is shown: the first choice when
 * there are any, else the search field.
 */
function orgLinked(summary: SummaryItem[], choices: OrgChoice[] | null): SummaryItem[] {
  const target = choices && choices.length > 0 ? "#orgId" : "#orgQuery";
  return summary.map((item) => (item.href === "#orgId" ? { ...item, href: target } : item));
}

/** The organisations found, as radio buttons: also sent alone to the page's script. */
export function OrgChoices(props: {
  lang: Lang;
  query: string;
  choices: OrgChoice[] | null;
  chosen: string;
  error?: string | undefined;
}) {
  const t = messages(props.lang);
  const ad = adminTexts(props.lang);
  if (props.choices === null) return <div data-org-choices />;
  if (props.choices.length === 0)
    return (
      <div data-org-choices>
        <p class="ds-paragraph">{ad.noOrgs(props.query)}</p>
      </div>
    );
  return (
    <div data-org-choices>
      <RadioGroup
        t={t}
        name="orgId"
        legend={ad.chooseOrg}
        error={props.error}
        value={props.chosen || (props.choices.length === 1 ? props.choices[0]!.orgId : "")}
        options={props.choices.map((c) => ({
          value: c.orgId,
          label: ad.choiceLabel(c.name, ad.orgKinds[c.orgKind] ?? c.orgKind, c.place),
        }))}
      />
    </div>
  );
}

/**
 * Choosing an organisation by name: a search field and a button that shows the matches as
 * radio buttons (without scripts, the form comes back with them); with scripts, the matches
 * follow the typing.
 */
export function OrgPicker(props: {
  lang: Lang;
  query: string;
  chosen: string;
  choices: OrgChoice[] | null;
  error?: string | undefined;
}) {
  const t = messages(props.lang);
  const ad = adminTexts(props.lang);
  const onChoices = props.choices !== null && props.choices.length > 0;
  return (
    <div
      class="stack org-picker"
      data-module="org-picker"
      data-source={localPath(props.lang, "/admin/organisasjonsvalg")}
    >
      <Field
        t={t}
        name="orgQuery"
        label={ad.org}
        hint={ad.orgHint}
        maxLength={100}
        value={props.query}
        error={onChoices ? undefined : props.error}
      />
      <div>
        <button
          class="ds-button"
          data-variant="secondary"
          type="submit"
          name="action"
          value="search"
          formnovalidate
        >
          {ad.searchOrg}
        </button>
      </div>
      <div aria-live="polite" data-org-results>
        <OrgChoices
          lang={props.lang}
          query={props.query}
          choices={props.choices}
          chosen={props.chosen}
          error={onChoices ? props.error : undefined}
        />
      </div>
    </div>
  );
}

/** One person's role, to change its kind or organisation. */
export function RoleChangePage(props: {
  lang: Lang;
  roleId: number;
  personName: string;
  current: string;
  form: FormState;
  choices: OrgChoice[] | null;
}) {
  const t = messages(props.lang);
  const it = identityText(props.lang);
  const ad = adminTexts(props.lang);
  const roleOptions = ROLE_NAMES.map((r) => ({ value: r, label: it.roles[r] ?? r }));
  const f = formView(props.lang, props.form, {
    labels: { role: ad.filterRole, orgId: ad.orgId },
    errors: roleAdminErrors[props.lang],
  });
  const summary = orgLinked(f.summary, props.choices);
  const title = ad.changeTitle(props.personName);
  return (
    <Layout
      lang={props.lang}
      title={title}
      path={`/admin/roller/${props.roleId}/endre`}
      hasErrors={summary.length > 0}
    >
      <p class="ds-paragraph">
        <a class="ds-link" href={localPath(props.lang, "/admin/personer")}>
          {ad.back}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {title}
      </h1>
      <p class="ds-paragraph lead">{ad.changeNow(props.current)}</p>
      <ErrorSummary t={t} items={summary} />
      <form
        method="post"
        action={localPath(props.lang, `/admin/roller/${props.roleId}/endre`)}
        novalidate
        class="stack"
      >
        <Select t={t} {...f.bind("role")} options={roleOptions} />
        <OrgPicker
          lang={props.lang}
          query={f.value("orgQuery")}
          chosen={f.value("orgId")}
          choices={props.choices}
          error={f.error("orgId")}
        />
        <div>
          <button class="ds-button" data-variant="primary" type="submit">
            {ad.saveChange}
          </button>
        </div>
      </form>
    </Layout>
  );
}
