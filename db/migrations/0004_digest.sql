CREATE TABLE "digest_sends" (
	"id" serial PRIMARY KEY NOT NULL,
	"subscription_id" integer NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"last_error" text,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_sends_status_check" CHECK ("digest_sends"."status" in ('pending', 'sent', 'failed')),
	CONSTRAINT "digest_sends_attempts_check" CHECK ("digest_sends"."attempts" >= 1),
	CONSTRAINT "digest_sends_period_check" CHECK ("digest_sends"."period" ~ '^(daily:[0-9]{4}-[0-9]{2}-[0-9]{2}|weekly:[0-9]{4}-W[0-9]{2})$')
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"user_id" text,
	"frequency" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_frequency" text,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"unsubscribe_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	CONSTRAINT "subscriptions_email_lower_check" CHECK ("subscriptions"."email" = lower("subscriptions"."email")),
	CONSTRAINT "subscriptions_status_check" CHECK ("subscriptions"."status" in ('pending', 'active', 'unsubscribed')),
	CONSTRAINT "subscriptions_frequency_check" CHECK ("subscriptions"."frequency" in ('daily', 'weekly')),
	CONSTRAINT "subscriptions_requested_frequency_check" CHECK ("subscriptions"."requested_frequency" in ('daily', 'weekly'))
);
--> statement-breakpoint
ALTER TABLE "digest_sends" ADD CONSTRAINT "digest_sends_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "digest_sends_subscription_period_uq" ON "digest_sends" USING btree ("subscription_id","period");--> statement-breakpoint
CREATE INDEX "digest_sends_unsent_idx" ON "digest_sends" USING btree ("status") WHERE "digest_sends"."status" <> 'sent';--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_email_uq" ON "subscriptions" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_confirm_token_uq" ON "subscriptions" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_unsubscribe_token_uq" ON "subscriptions" USING btree ("unsubscribe_token");--> statement-breakpoint
CREATE INDEX "subscriptions_active_idx" ON "subscriptions" USING btree ("frequency") WHERE "subscriptions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "subscriptions_user_idx" ON "subscriptions" USING btree ("user_id");