import { emailMaxLength } from "../../kernel/field-rules";
import { Field, RadioGroup, Select, SubmitRow } from "../../web/components/form";
import { type Lang, messages } from "../../web/i18n";
import { localPath } from "../../web/layout";
import type { WrittenStandard } from "./mail-texts";
import { type ContactRow, nameMaxLength } from "./municipality";
import { type AcceptedProps, day, type SectionProps } from "./municipality-page-props";
import { municipalityTexts } from "./municipality-texts";

/**
 * The municipality's two contacts (the resource person, the PP-tjeneste) and its written
 * standard. The contact forms share field names (`name`, `email`): their ids carry the form's
 * prefix (`resource-name`, `pp-name`).
 */

function ContactSummary(props: {
  lang: Lang;
  current: ContactRow | null;
  earlier: ContactRow[];
  none: string;
  withService?: boolean;
}) {
  const m = municipalityTexts[props.lang];
  const withService = (c: ContactRow, text: string) =>
    props.withService && c.ppServiceName ? `${c.ppServiceName}: ${text}` : text;
  return (
    <>
      {props.current ? (
        <p class="ds-paragraph" data-testid="current-contact">
          <strong>{m.current}:</strong>{" "}
          {withService(
            props.current,
            m.currentValue(
              props.current.name,
              props.current.email,
              day(props.lang, props.current.setAt),
            ),
          )}
        </p>
      ) : (
        <p class="ds-paragraph">{props.none}</p>
      )}
      {props.earlier.length > 0 ? (
        <>
          <p class="ds-paragraph">
            <strong>{m.earlier}:</strong>
          </p>
          <ul class="ds-list" data-testid="earlier-contacts">
            {props.earlier.map((c) => (
              <li>
                {withService(
                  c,
                  m.earlierValue(
                    c.name,
                    c.email,
                    day(props.lang, c.setAt),
                    c.endedAt ? day(props.lang, c.endedAt) : "",
                  ),
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** What differs between the municipality's two contacts: the resource person and the PP service. */
const CONTACT_KINDS = {
  resource: { prefix: "rp", path: "ressursperson", contact: "resourcePerson" },
  pp: { prefix: "pp", path: "pp-tjeneste", contact: "ppService" },
} as const;

export function ContactSection(props: AcceptedProps & { contactKind: keyof typeof CONTACT_KINDS }) {
  const { lang, data, extras, contactKind: kind } = props;
  const t = messages(lang);
  const m = municipalityTexts[lang];
  const { prefix, path, contact } = CONTACT_KINDS[kind];
  const isPp = kind === "pp";
  const base = `/puljer/${data.cohort.id}/kommune/${data.invitation.inviteeId}`;
  const f = props.views[kind];
  const { current, earlier } = extras.contacts[contact];
  return (
    <section aria-labelledby={`${prefix}-heading`} class="stack" id={path}>
      <h2 class="ds-heading" data-size="md" id={`${prefix}-heading`}>
        {isPp ? m.ppHeading : m.rpHeading}
      </h2>
      <p class="ds-paragraph">{isPp ? m.ppLead : m.rpLead}</p>
      <ContactSummary
        lang={lang}
        current={current}
        earlier={earlier}
        none={isPp ? m.ppNone : m.rpNone}
        withService={isPp}
      />
      {props.access === "act" ? (
        <form method="post" action={localPath(lang, `${base}/${path}`)} novalidate class="stack">
          {isPp ? (
            <Select
              t={t}
              {...f.bind("ppServiceId")}
              hint={extras.pp.all ? m.ppAllShown : undefined}
              placeholder={m.ppChoose}
              options={extras.pp.services.map((s) => ({ value: String(s.id), label: s.name }))}
            />
          ) : null}
          <Field t={t} {...f.bind("name")} autocomplete="off" maxLength={nameMaxLength} />
          <Field
            t={t}
            {...f.bind("email")}
            type="email"
            hint={isPp ? undefined : m.rpInviteHint}
            autocomplete="off"
            maxLength={emailMaxLength}
          />
          <SubmitRow>{isPp ? m.ppSave : m.rpSave}</SubmitRow>
        </form>
      ) : null}
    </section>
  );
}

export function StandardSection(props: SectionProps & { standard: WrittenStandard }) {
  const { lang, data } = props;
  const t = messages(lang);
  const m = municipalityTexts[lang];
  const base = `/puljer/${data.cohort.id}/kommune/${data.invitation.inviteeId}`;
  const f = props.views.standard;
  const standard = f.bind("standard");
  return (
    <section aria-labelledby="ws-heading" class="stack" id="malform">
      <h2 class="ds-heading" data-size="md" id="ws-heading">
        {m.wsHeading}
      </h2>
      <p class="ds-paragraph">{m.wsLead}</p>
      <p class="ds-paragraph" data-testid="written-standard">
        {m.wsCurrent(m.wsNames[props.standard])}
      </p>
      {props.access === "act" ? (
        <form method="post" action={localPath(lang, `${base}/malform`)} novalidate class="stack">
          <RadioGroup
            t={t}
            name={standard.name}
            id={standard.id}
            legend={m.wsLegend}
            value={standard.value || props.standard}
            error={standard.error}
            options={[
              { value: "nb", label: m.wsNames.nb },
              { value: "nn", label: m.wsNames.nn },
            ]}
          />
          <SubmitRow variant="secondary">{m.wsSave}</SubmitRow>
        </form>
      ) : null}
    </section>
  );
}
