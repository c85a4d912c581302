export { feedbackAdminRoutes } from "./admin-routes";
export { feedbackRoutes, widgetStateFrom } from "./routes";
export { addComment, commentMaxLength, recordAnswer } from "./service";
export { FeedbackWidget } from "./widget";
