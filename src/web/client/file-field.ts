// A file field refuses a file over its limit as soon as it is chosen, with the same sentence
// the server would answer after the upload, beside the field: nobody waits for megabytes to
// travel only to be told. Without this script the server refuses it the same way.

export function enhanceFileField(field: HTMLElement) {
  const input = field.querySelector<HTMLInputElement>("input[type=file]");
  if (!input) return;
  const max = Number(input.dataset.maxBytes);
  const errorId = `${input.id}-client-error`;
  const describedBy = input.getAttribute("aria-describedby") ?? "";
  input.addEventListener("change", () => {
    field.querySelector(`#${CSS.escape(errorId)}`)?.remove();
    input.setAttribute("aria-describedby", describedBy);
    if (!describedBy) input.removeAttribute("aria-describedby");
    const file = input.files?.[0];
    if (!file || !(max > 0) || file.size <= max) {
      if (!field.querySelector(".ds-validation-message")) input.removeAttribute("aria-invalid");
      return;
    }
    input.value = "";
    const message = document.createElement("div");
    message.className = "ds-validation-message";
    message.dataset.field = "validation";
    message.id = errorId;
    const prefix = document.createElement("span");
    prefix.className = "ds-sr-only";
    prefix.textContent = `${input.dataset.errorPrefix ?? ""} `;
    message.append(prefix, input.dataset.tooLarge ?? "");
    message.setAttribute("role", "alert");
    input.before(message);
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", `${errorId} ${describedBy}`.trim());
  });
}
