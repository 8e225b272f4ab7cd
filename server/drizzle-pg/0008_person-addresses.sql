CREATE TABLE "person_addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"email" text COLLATE "C" NOT NULL,
	"verified_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_addresses" ADD CONSTRAINT "person_addresses_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_addresses" ADD CONSTRAINT "person_addresses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "person_addresses_tenant_email" ON "person_addresses" USING btree ("tenant_id","email");--> statement-breakpoint
CREATE INDEX "person_addresses_person" ON "person_addresses" USING btree ("tenant_id","person_id");