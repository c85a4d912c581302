// Autosave of an application's section: the same form, posted in the background after a pause
// in typing and on leaving a field, to the same address, asking for JSON. Without this script
// the form's Save button does the same work.

type SaveAnswer = {
  savedAt?: string;
  conflicts?: unknown[];
  errors?: Record<string, string>;
  seen?: Record<string, string>;
};

/** Conditional questions shown or hidden as the choice they depend on changes. */
function applyConditions(form: HTMLFormElement) {
  for (const question of form.querySelectorAll<HTMLElement>("[data-show-if]")) {
    const on = question.dataset.showIf;
    const anyOf = (question.dataset.showIfAny ?? "").split(" ");
    const chosen = [...form.querySelectorAll<HTMLInputElement>(`input[name="q-${on}"]`)]
      .filter((input) => input.checked)
      .map((input) => input.value);
    question.hidden = !chosen.some((value) => anyOf.includes(value));
  }
}

export function enhanceAutosave(form: HTMLFormElement) {
  const status = form.querySelector<HTMLElement>("[data-autosave=status]");
  let timer: number | undefined;
  let saving = false;
  let again = false;
  const say = (text: string) => {
    if (status) status.textContent = text;
  };

  async function save() {
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    const body = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (typeof value === "string") body.append(key, value);
    }
    try {
      const response = await fetch(form.action, {
        method: "POST",
        headers: {
          Accept: "application/json",
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body,
        credentials: "same-origin",
      });
      if (response.status === 409 || response.status >= 500)
        throw new Error(String(response.status));
      const answer = (await response.json()) as SaveAnswer;
      for (const [id, print] of Object.entries(answer.seen ?? {})) {
        const input = form.querySelector<HTMLInputElement>(`input[name="seen-${id}"]`);
        if (input) input.value = print;
      }
      if (answer.conflicts && answer.conflicts.length > 0) {
        // A colleague changed something here: the server's page shows both versions.
        form.submit();
        return;
      }
      const errors = Object.values(answer.errors ?? {});
      if (errors.length > 0) say(errors.join(" "));
      else if (answer.savedAt)
        say((status?.dataset.savedAt ?? "{time}").replace("{time}", answer.savedAt));
    } catch {
      say(status?.dataset.failed ?? "");
    } finally {
      saving = false;
      if (again) {
        again = false;
        void save();
      }
    }
  }

  const soon = (ms: number) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void save(), ms);
  };
  form.addEventListener("input", () => soon(1500));
  form.addEventListener("change", () => {
    applyConditions(form);
    soon(300);
  });
  form.addEventListener("focusout", () => soon(300));
}
