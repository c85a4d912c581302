export { isOneClickUnsubscribe, newsletterPage, newsletterRoutes } from "./routes";
export {
  confirmSubscription,
  findSubscription,
  readConfirmToken,
  readUnsubscribeToken,
  subscribe,
  unsubscribe,
} from "./service";
