CREATE TABLE "comment_flags" (
	"user_id" text NOT NULL,
	"comment_id" integer NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comment_flags_user_id_comment_id_pk" PRIMARY KEY("user_id","comment_id"),
	CONSTRAINT "comment_flags_reason_check" CHECK ("comment_flags"."reason" in ('spam', 'abuse', 'off-topic', 'other'))
);
--> statement-breakpoint
ALTER TABLE "comment_flags" ADD CONSTRAINT "comment_flags_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_flags" ADD CONSTRAINT "comment_flags_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comment_flags_comment_idx" ON "comment_flags" USING btree ("comment_id");