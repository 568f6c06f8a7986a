-- Fixed-window counts mean nothing to a sliding log: forgetting them forgets at most a minute.
DELETE FROM "rate_limits";--> statement-breakpoint
ALTER TABLE "rate_limits" ADD COLUMN "hits" bigint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "rate_limits" ADD COLUMN "admitted" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "rate_limits" DROP COLUMN "window_start";--> statement-breakpoint
ALTER TABLE "rate_limits" DROP COLUMN "count";
