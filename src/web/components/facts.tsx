import type { Child } from "hono/jsx";

export type Fact = {
  term: string;
  value: Child;
  testId?: string;
  /** Keep the value's line breaks (a message written by someone). */
  pre?: boolean;
};

/**
 * The facts at the top of a page, as a description list under its heading. Leave a fact out
 * with false or null in its place.
 */
export function Facts(props: {
  heading: string;
  facts: (Fact | false | null | undefined)[];
  class?: string;
  children?: Child;
}) {
  return (
    <section aria-labelledby="facts-heading" class={props.class ?? "facts"}>
      <h2 class="ds-heading" data-size="sm" id="facts-heading">
        {props.heading}
      </h2>
      <dl>
        {props.facts.map((f) =>
          f ? (
            <div>
              <dt>{f.term}</dt>
              <dd data-testid={f.testId} class={f.pre ? "pre" : undefined}>
                {f.value}
              </dd>
            </div>
          ) : null,
        )}
      </dl>
      {props.children}
    </section>
  );
}
