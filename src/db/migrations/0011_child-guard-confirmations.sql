CREATE TABLE "child_guard_confirmations" (
	"form" text NOT NULL,
	"field" text NOT NULL,
	"month" text NOT NULL,
	"confirmations" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "child_guard_confirmations_form_field_month_pk" PRIMARY KEY("form","field","month")
);
