export { contactPage, contactRoutes } from "./routes";
export { findContactMessage, submitContactMessage } from "./service";
