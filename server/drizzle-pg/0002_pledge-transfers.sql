CREATE TABLE "pledge_transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"status" text COLLATE "C" NOT NULL,
	"employer_siret" text COLLATE "C" NOT NULL,
	"uai" text COLLATE "C" NOT NULL,
	"amount_cents" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"line" integer NOT NULL,
	"imported_at" timestamp(3) with time zone NOT NULL,
	"imported_by" text COLLATE "C",
	"pledge_id" uuid,
	"matched_at" timestamp(3) with time zone,
	"matched_by" text COLLATE "C",
	CONSTRAINT "pledge_transfers_status_values" CHECK ("status" IN ('unmatched', 'ambiguous', 'matched'))
);
--> statement-breakpoint
ALTER TABLE "pledge_transfers" ADD CONSTRAINT "pledge_transfers_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_transfers" ADD CONSTRAINT "pledge_transfers_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_transfers" ADD CONSTRAINT "pledge_transfers_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pledge_transfers_tenant_status" ON "pledge_transfers" USING btree ("tenant_id","status","imported_at","id");--> statement-breakpoint
CREATE INDEX "pledge_transfers_tenant_line" ON "pledge_transfers" USING btree ("tenant_id","employer_siret","uai","paid_on");