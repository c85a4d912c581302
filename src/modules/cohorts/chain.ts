// The chain of invitations, one file per command; this file gathers what others import.

export { answerInvitation } from "./answer";
export {
  type Actor,
  type ChainError,
  type ChainResult,
  coverageAtStart,
  effectiveState,
  enrolledElsewhere,
  getCohort,
  getInvitation,
  type Invitation,
  invitationEvents,
  todaysCodes,
} from "./chain-core";
export { actPath, organisationName } from "./chain-mail";
export { contactHistory, setContact } from "./contacts";
export { extendDeadline } from "./deadlines";
export { enrolledUnits, enrolUnits, withdrawUnit } from "./enrol";
export { runChainHousekeeping } from "./housekeeping";
export { addRecipient, type Invitee, inviteOffices, inviteToCohort } from "./invite";
export { recordParticipants } from "./participants";
export { recipientsOf } from "./recipients";
export { remind, remindedToday } from "./remind";
