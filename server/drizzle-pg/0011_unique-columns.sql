ALTER TABLE "institutions" ADD CONSTRAINT "institutions_slug_unique" UNIQUE("slug");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash");