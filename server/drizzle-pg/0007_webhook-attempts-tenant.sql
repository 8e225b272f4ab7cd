-- Every row carries its tenant (README, "Scaling out": sharding by institution):
-- webhook attempts take their delivery's.
ALTER TABLE "webhook_attempts" ADD COLUMN "tenant_id" uuid;--> statement-breakpoint
UPDATE "webhook_attempts" a SET "tenant_id" = d."tenant_id" FROM "webhook_deliveries" d WHERE d."id" = a."delivery_id";--> statement-breakpoint
ALTER TABLE "webhook_attempts" ALTER COLUMN "tenant_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;
