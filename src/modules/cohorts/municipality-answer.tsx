import { Checkbox, Field, RadioGroup, SubmitRow } from "../../web/components/form";
import { Notice } from "../../web/components/notice";
import { formatDate, type Messages, messages } from "../../web/i18n";
import { localPath } from "../../web/layout";
import { reasonMaxLength } from "./municipality";
import { day, invitationPath, isStatus, type SectionProps } from "./municipality-page-props";
import { municipalityTexts } from "./municipality-texts";

/** An error about the invitation itself, where the error summary's link moves focus. */
export function StatusError(props: { t: Messages; id: string; text: string }) {
  return (
    <Notice color="danger" id={props.id} focus>
      <span class="ds-sr-only">{props.t.form.errorPrefix} </span>
      {props.text}
    </Notice>
  );
}

/** The answer: yes with the commitments, or no with a reason; or the answer given. */
export function AnswerSection(props: SectionProps) {
  const { lang, data } = props;
  const t = messages(lang);
  const m = municipalityTexts[lang];
  const inv = data.invitation;
  const f = props.views.answer;
  const status = isStatus(props.forms, "answer", "answer") ? f.error("answer") : undefined;
  const answer = f.bind("answer");
  const answered = inv.answeredAt ? day(lang, inv.answeredAt) : "";
  return (
    <section aria-labelledby="answer-heading" class="stack" id="svar">
      <h2 class="ds-heading" data-size="md" id="answer-heading">
        {m.answerHeading}
      </h2>
      {status ? <StatusError t={t} id="answer-status" text={status} /> : null}
      {data.state === "expired" && props.forms.answer?.errors.answer?.code !== "deadlinePassed" ? (
        <Notice color="warning">{m.expired(formatDate(lang, inv.deadline))}</Notice>
      ) : null}
      {data.state === "accepted" ? (
        <p class="ds-paragraph" data-testid="answered">
          {m.answeredAccepted(data.answeredByName, answered)}{" "}
          {inv.commitmentsAcceptedAt
            ? m.commitmentsAccepted(day(lang, inv.commitmentsAcceptedAt))
            : null}
          {props.kind === "unit" ? ` ${m.unitEnrolled}` : null}
        </p>
      ) : null}
      {data.state === "declined" ? (
        <>
          <p class="ds-paragraph" data-testid="answered">
            {m.answeredDeclined(data.answeredByName, answered)}
          </p>
          {inv.declineReason ? (
            <p class="ds-paragraph">
              <strong>{m.declineReason}:</strong> {inv.declineReason}
            </p>
          ) : null}
        </>
      ) : null}
      {data.state === "invited" && props.access === "view" ? (
        <p class="ds-paragraph">{m.states.invited}</p>
      ) : null}
      {data.state === "invited" && props.access === "act" ? (
        <form
          method="post"
          action={localPath(lang, `${invitationPath(props)}/svar`)}
          novalidate
          class="stack"
        >
          <input type="hidden" name="version" value={String(inv.version)} />
          <RadioGroup
            t={t}
            name={answer.name}
            id={answer.id}
            legend={m.answerLegend}
            value={answer.value}
            error={status ? undefined : answer.error}
            options={[
              { value: "accept", label: m.accept },
              { value: "decline", label: m.decline },
            ]}
          />
          <Checkbox
            t={t}
            {...f.bind("commitments")}
            legend={m.commitmentsLegend}
            label={m.commitmentsLabel}
            checked={f.value("commitments") === "yes"}
          />
          <p class="ds-paragraph">
            <a class="ds-link" href="#forpliktelser">
              {m.commitmentsHeading}
            </a>
          </p>
          <Field
            t={t}
            {...f.bind("reason")}
            hint={m.reasonHint}
            multiline
            rows={4}
            maxLength={reasonMaxLength}
          />
          <SubmitRow>{m.send}</SubmitRow>
        </form>
      ) : null}
    </section>
  );
}
