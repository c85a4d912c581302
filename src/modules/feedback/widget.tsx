import { ErrorSummary, Field, Honeypot } from "../../web/components/form";
import type { WidgetState } from "../../web/content-pages";
import { formView } from "../../web/form-errors";
import { type Lang, messages } from "../../web/i18n";
import { commentMaxLength } from "./service";
import { feedbackErrors, feedbackTexts } from "./texts";

export const WIDGET_ID = "tilbakemelding";

/** «Fant du det du lette etter?» — plain forms that a small script turns into in-page steps. */
export function FeedbackWidget(props: { lang: Lang; page: string; state: WidgetState }) {
  const t = messages(props.lang);
  const ft = feedbackTexts(props.lang);
  const action = `/${props.lang}/tilbakemelding`;
  const state = props.state;
  // The widget sits below other forms on the same page: its ids carry its own prefix.
  const comment = formView(
    props.lang,
    state.kind === "comment"
      ? {
          values: { comment: state.value ?? "" },
          errors: state.error ? { comment: state.error } : {},
          warnings: state.warning ? { comment: state.warning } : {},
        }
      : undefined,
    {
      labels: { comment: ft.commentName },
      errors: feedbackErrors[props.lang],
      idPrefix: "feedback",
    },
  );
  return (
    <section
      id={WIDGET_ID}
      class="feedback"
      aria-labelledby="feedback-heading"
      data-module="feedback"
    >
      {state.kind === "ask" ? (
        <form method="post" action={action} class="feedback__ask">
          <input type="hidden" name="step" value="answer" />
          <input type="hidden" name="page" value={props.page} />
          <Honeypot form="feedback" />
          <h2 class="ds-heading" data-size="xs" id="feedback-heading" tabindex={-1}>
            {ft.question}
          </h2>
          <div class="feedback__buttons">
            <button
              class="ds-button"
              data-variant="secondary"
              type="submit"
              name="answer"
              value="yes"
            >
              {ft.yes}
            </button>
            <button
              class="ds-button"
              data-variant="secondary"
              type="submit"
              name="answer"
              value="no"
            >
              {ft.no}
            </button>
          </div>
        </form>
      ) : null}
      {state.kind === "comment" ? (
        <form method="post" action={action} class="feedback__comment" novalidate>
          <input type="hidden" name="step" value="comment" />
          <input type="hidden" name="page" value={props.page} />
          <input type="hidden" name="ref" value={state.ref} />
          <Honeypot form="feedback" />
          <ErrorSummary t={t} items={comment.summary} warnings={comment.warnings} />
          <h2 class="ds-heading" data-size="xs" id="feedback-heading" tabindex={-1}>
            {state.found ? ft.followUpYes : ft.followUpNo}
          </h2>
          <Field
            t={t}
            {...comment.bind("comment")}
            label={ft.commentLabel}
            hint={ft.commentHint}
            multiline
            rows={3}
            maxLength={commentMaxLength}
          />
          <button class="ds-button" data-variant="primary" type="submit">
            {ft.send}
          </button>
        </form>
      ) : null}
      {state.kind === "thanks" ? (
        <div class="feedback__thanks">
          <h2 class="ds-heading" data-size="xs" id="feedback-heading" tabindex={-1}>
            {ft.thanks}
          </h2>
          {state.masked ? <p class="ds-paragraph">{ft.masked}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
