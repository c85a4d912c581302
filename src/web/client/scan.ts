// The organiser's camera as a QR reader at the door: a script of its own (assets.scan), linked
// only by pages that have a `[data-scan]` box, so no other page carries jsQR. Without
// JavaScript or a camera, the organiser types the code in the same form's field.
//
// Markup it expects, inside the check-in form that has the code field:
//   <div data-scan data-field="code" data-start="…" data-stop="…" data-no-camera="…" hidden>
// The words come from the page, in the page's language.
import jsQR from "jsqr";

function enhance(box: HTMLElement) {
  const form = box.closest("form");
  const field = form?.querySelector<HTMLInputElement>(`[name="${box.dataset.field ?? "code"}"]`);
  if (!form || !field || !navigator.mediaDevices?.getUserMedia) return;
  box.hidden = false;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "ds-button";
  button.dataset.variant = "secondary";
  button.textContent = box.dataset.start ?? "";
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  const video = document.createElement("video");
  video.muted = true;
  video.playsInline = true;
  video.hidden = true;
  video.setAttribute("aria-hidden", "true");
  video.className = "scan-video";
  box.append(button, video, status);
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  let stream: MediaStream | null = null;
  let timer: number | undefined;

  const stop = () => {
    window.clearInterval(timer);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    video.hidden = true;
    button.textContent = box.dataset.start ?? "";
  };

  const look = () => {
    if (!context || video.readyState < video.HAVE_CURRENT_DATA) return;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    const read = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
    if (!read?.data) return;
    stop();
    field.value = read.data;
    form.requestSubmit();
  };

  button.addEventListener("click", async () => {
    if (stream) return stop();
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: "environment" },
        audio: false,
      });
    } catch {
      status.textContent = box.dataset.noCamera ?? "";
      field.focus();
      return;
    }
    status.textContent = "";
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    button.textContent = box.dataset.stop ?? "";
    timer = window.setInterval(look, 200);
  });
}

function start() {
  for (const box of document.querySelectorAll<HTMLElement>("[data-scan]")) enhance(box);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
