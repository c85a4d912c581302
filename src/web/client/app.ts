// Progressive enhancement only: every page works without this file.
import { PLURAL_CATEGORIES, type PluralForms, pluralText } from "../i18n/plural";
import { enhanceAutosave } from "./autosave";
import { enhanceFileField } from "./file-field";

type Kind = "limit" | "left" | "over";

/**
 * The counter's words come from the page: the server renders them in the page's language, one
 * data attribute per plural form (`data-left-one="{n} character left"`), so the script needs
 * no catalogue of its own.
 */
function counterForms(counter: HTMLElement, kind: Kind): PluralForms {
  const forms: Partial<PluralForms> = {};
  for (const category of PLURAL_CATEGORIES) {
    const text = counter.dataset[`${kind}${category[0]!.toUpperCase()}${category.slice(1)}`];
    if (text !== undefined) forms[category] = text;
  }
  return { ...forms, other: forms.other ?? "{n}" };
}

function enhanceCounters(root: ParentNode) {
  const lang = document.documentElement.lang;
  for (const counter of root.querySelectorAll<HTMLElement>("[data-field=counter]")) {
    if (counter.dataset.enhanced) continue;
    counter.dataset.enhanced = "1";
    const field = counter.closest(".ds-field");
    const input = field?.querySelector<HTMLTextAreaElement | HTMLInputElement>("textarea, input");
    const visual = counter.querySelector<HTMLElement>("[data-counter=visual]");
    const text = counter.querySelector<HTMLElement>("[data-counter=text]");
    const limit = Number(counter.dataset.limit);
    if (!input || !visual || !text || !limit) continue;
    const words = {
      limit: counterForms(counter, "limit"),
      left: counterForms(counter, "left"),
      over: counterForms(counter, "over"),
    };
    // A separate polite live region, updated after typing pauses, so screen readers are not
    // interrupted on every keystroke.
    const live = document.createElement("p");
    live.className = "ds-sr-only";
    live.setAttribute("aria-live", "polite");
    counter.after(live);
    let timer: number | undefined;
    const update = () => {
      const used = input.value.length;
      visual.textContent = `${used}/${limit}`;
      const message =
        used === 0
          ? pluralText(lang, words.limit, limit)
          : used > limit
            ? pluralText(lang, words.over, used - limit)
            : pluralText(lang, words.left, limit - used);
      text.textContent = message;
      counter.classList.toggle("counter--over", used > limit);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        live.textContent = message;
      }, 800);
    };
    input.addEventListener("input", update);
  }
}

function enhanceFeedback(section: HTMLElement) {
  section.addEventListener("submit", async (event) => {
    const form = event.target as HTMLFormElement;
    if (!(form instanceof HTMLFormElement)) return;
    event.preventDefault();
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    const body = new URLSearchParams();
    for (const [key, value] of new FormData(form, submitter)) {
      if (typeof value === "string") body.append(key, value);
    }
    for (const button of form.querySelectorAll("button")) button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        headers: { "X-Fragment": "feedback", "Content-Type": "application/x-www-form-urlencoded" },
        body,
        credentials: "same-origin",
      });
      if (!response.ok && response.status !== 422) throw new Error(String(response.status));
      const html = await response.text();
      const template = document.createElement("template");
      template.innerHTML = html.trim();
      const next = template.content.querySelector<HTMLElement>("section");
      if (!next) throw new Error("no widget");
      section.innerHTML = next.innerHTML;
      enhanceCounters(section);
      const focusTarget =
        section.querySelector<HTMLElement>(".ds-error-summary, .warning-summary") ??
        section.querySelector<HTMLElement>("#feedback-heading");
      focusTarget?.focus();
    } catch {
      // Fall back to a normal post: the server answers it as a page.
      form.submit();
    }
  });
}

/**
 * Role forms: the organisations matching the name as it is typed, from the same search the
 * form's "Søk" button runs (which still works, with or without this).
 */
function enhanceOrgPicker(root: HTMLElement) {
  const input = root.querySelector<HTMLInputElement>("input[name=orgQuery]");
  const results = root.querySelector<HTMLElement>("[data-org-results]");
  const form = root.closest("form");
  const source = root.dataset.source;
  if (!input || !results || !form || !source) return;
  let timer: number | undefined;
  let latest = 0;
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const q = input.value.trim();
      if (q.length < 2) return;
      const role = form.querySelector<HTMLSelectElement>("select[name=role]")?.value ?? "";
      const asked = ++latest;
      try {
        const response = await fetch(`${source}?${new URLSearchParams({ q, rolle: role })}`, {
          credentials: "same-origin",
        });
        if (!response.ok || asked !== latest) return;
        results.innerHTML = await response.text();
      } catch {
        // The search button still works.
      }
    }, 250);
  });
}

function start() {
  enhanceCounters(document);
  for (const section of document.querySelectorAll<HTMLElement>("[data-module=feedback]")) {
    enhanceFeedback(section);
  }
  for (const picker of document.querySelectorAll<HTMLElement>("[data-module=org-picker]")) {
    enhanceOrgPicker(picker);
  }
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-module=autosave]")) {
    enhanceAutosave(form);
  }
  for (const field of document.querySelectorAll<HTMLElement>("[data-module=file-field]")) {
    enhanceFileField(field);
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
