/**
 * The place of the door's QR reader in a check-in form: hidden until the reader script
 * (`Layout scanner`) finds a camera API, then a button that starts the camera and fills the
 * form's code field with what it reads. Without JavaScript or a camera, the field is typed in.
 */
export function ScanBox(props: {
  /** The name of the form's code field. */
  field: string;
  words: { start: string; stop: string; noCamera: string };
}) {
  return (
    <div
      class="scan-box"
      data-scan=""
      data-field={props.field}
      data-start={props.words.start}
      data-stop={props.words.stop}
      data-no-camera={props.words.noCamera}
      hidden
    />
  );
}
