export * from "../kernel/schema";
export * from "../modules/cohorts/schema";
export * from "../modules/contact/schema";
export * from "../modules/feedback/schema";
export * from "../modules/identity/schema";
export * from "../modules/newsletter/schema";
export * from "../modules/organisations/schema";
export * from "../modules/programmes/schema";
