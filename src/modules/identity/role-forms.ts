import { z } from "zod";
import { emailAddress, requiredText } from "../../kernel/field-rules";
import { isRole } from "./roles";

/** The invited person's name as the invitation names them; shared by the field and the check. */
export const inviteNameMaxLength = 100;

// Looked up when a form is read, not when this module is evaluated (see cohorts/office.ts).
const role = z.string({ error: "choice" }).refine((v) => isRole(v), { error: "choice" });

// The organisation is chosen from the search's radio buttons: whatever is missing or too long
// there, the person has one thing to do, search and choose.
const orgId = z
  .string({ error: "orgMissing" })
  .trim()
  .min(1, { error: "orgMissing" })
  .max(40, { error: "orgMissing" });

export const inviteForm = z.object({
  name: requiredText(inviteNameMaxLength),
  email: emailAddress(),
  role,
  orgId,
});

export const roleChangeForm = z.object({ role, orgId });
