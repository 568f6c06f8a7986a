CREATE TABLE "chat_turn_events" (
	"message_id" text NOT NULL,
	"seq" integer NOT NULL,
	"first_seq" integer NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_turn_events_message_id_seq_pk" PRIMARY KEY("message_id","seq")
);
--> statement-breakpoint
CREATE TABLE "chat_turns" (
	"message_id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"user_id" text NOT NULL,
	"owner" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"stop_requested" boolean DEFAULT false NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "chat_user_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat_turn_events" ADD CONSTRAINT "chat_turn_events_message_id_chat_turns_message_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."chat_turns"("message_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_turns" ADD CONSTRAINT "chat_turns_message_id_chat_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."chat_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_turns_running_user_idx" ON "chat_turns" USING btree ("user_id") WHERE "chat_turns"."finished_at" IS NULL;--> statement-breakpoint
CREATE INDEX "chat_turns_running_expiry_idx" ON "chat_turns" USING btree ("expires_at") WHERE "chat_turns"."finished_at" IS NULL;--> statement-breakpoint
CREATE INDEX "chat_turns_finished_idx" ON "chat_turns" USING btree ("finished_at") WHERE "chat_turns"."finished_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "chat_user_events_user_idx" ON "chat_user_events" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "chat_user_events_created_idx" ON "chat_user_events" USING btree ("created_at");--> statement-breakpoint
-- Answers left streaming before the turn log existed: all but the newest of a session are
-- interrupted (the unique index below allows one), and the rest get a lease of ten minutes (the
-- old clean-up's age) so the sweeper ends them if no instance finishes them.
UPDATE "chat_messages" AS m SET "status" = 'interrupted'
WHERE m."role" = 'assistant' AND m."status" = 'streaming' AND EXISTS (
  SELECT 1 FROM "chat_messages" AS newer
  WHERE newer."session_id" = m."session_id" AND newer."role" = 'assistant' AND newer."status" = 'streaming'
    AND (newer."created_at", newer."id") > (m."created_at", m."id")
);--> statement-breakpoint
INSERT INTO "chat_turns" ("message_id", "session_id", "user_id", "owner", "expires_at")
SELECT m."id", m."session_id", s."user_id", 'before-turn-log', greatest(m."created_at" + interval '10 minutes', now())
FROM "chat_messages" AS m JOIN "chat_sessions" AS s ON s."id" = m."session_id"
WHERE m."role" = 'assistant' AND m."status" = 'streaming';--> statement-breakpoint
CREATE UNIQUE INDEX "chat_messages_one_streaming_idx" ON "chat_messages" USING btree ("session_id") WHERE "chat_messages"."role" = 'assistant' AND "chat_messages"."status" = 'streaming';