import {
  Counter,
  ErrorSummary,
  errorText,
  Honeypot,
  ValidationMessage,
} from "../../web/components/form";
import type { WidgetState } from "../../web/content-pages";
import { type Lang, messages } from "../../web/i18n";
import { commentMaxLength } from "./service";
import { feedbackTexts } from "./texts";

export const WIDGET_ID = "tilbakemelding";

/** «Fant du det du lette etter?» — plain forms that a small script turns into in-page steps. */
export function FeedbackWidget(props: { lang: Lang; page: string; state: WidgetState }) {
  const t = messages(props.lang);
  const ft = feedbackTexts(props.lang);
  const action = `/${props.lang}/tilbakemelding`;
  const state = props.state;
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
          {state.error ? (
            <ErrorSummary
              t={t}
              items={[
                {
                  href: "#feedback-comment",
                  text: errorText(t, ft.commentName, state.error),
                },
              ]}
            />
          ) : null}
          <h2 class="ds-heading" data-size="xs" id="feedback-heading" tabindex={-1}>
            {state.found ? ft.followUpYes : ft.followUpNo}
          </h2>
          <div class="ds-field" data-module="counter">
            <label class="ds-label" for="feedback-comment">
              {ft.commentLabel}
            </label>
            <p data-field="description" id="feedback-comment-hint">
              {ft.commentHint}
            </p>
            <ValidationMessage
              t={t}
              id="feedback-comment-error"
              text={state.error ? errorText(t, ft.commentName, state.error) : undefined}
            />
            <textarea
              class="ds-input"
              id="feedback-comment"
              name="comment"
              rows={3}
              maxlength={commentMaxLength}
              aria-invalid={state.error ? "true" : undefined}
              aria-describedby={`${state.error ? "feedback-comment-error " : ""}feedback-comment-hint feedback-comment-counter`}
            >
              {state.value ?? ""}
            </textarea>
            <Counter
              t={t}
              id="feedback-comment-counter"
              limit={commentMaxLength}
              value={state.value ?? ""}
            />
          </div>
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
