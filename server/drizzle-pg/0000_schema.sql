CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" text COLLATE "C" NOT NULL,
	"object_type" text COLLATE "C" NOT NULL,
	"object_id" text COLLATE "C",
	"entity_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"subject_id" uuid,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"origin" text COLLATE "C",
	"at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text COLLATE "C" NOT NULL,
	"siret" text COLLATE "C",
	"siren" text COLLATE "C",
	"website" text COLLATE "C",
	"city" text COLLATE "C",
	"sector" text COLLATE "C",
	"status" text COLLATE "C" NOT NULL,
	"created_by" text COLLATE "C",
	"created_at" timestamp(3) with time zone NOT NULL,
	CONSTRAINT "companies_status_values" CHECK ("status" IN ('active', 'pending', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "company_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" text COLLATE "C" NOT NULL,
	"message" text COLLATE "C",
	"status" text COLLATE "C" NOT NULL,
	"reason" text COLLATE "C",
	"decided_by" text COLLATE "C",
	"decided_at" timestamp(3) with time zone,
	"created_at" timestamp(3) with time zone NOT NULL,
	CONSTRAINT "company_requests_kind_values" CHECK ("kind" IN ('represent', 'create')),
	CONSTRAINT "company_requests_status_values" CHECK ("status" IN ('pending', 'approved', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "consent_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"purpose_id" uuid NOT NULL,
	"purpose_version_id" uuid NOT NULL,
	"channel" text COLLATE "C" NOT NULL,
	"granted" boolean NOT NULL,
	"at" timestamp(3) with time zone NOT NULL,
	"origin" text COLLATE "C",
	"origin_page" text COLLATE "C",
	"origin_component" text COLLATE "C",
	"actor_id" uuid NOT NULL,
	"actor_reason" text COLLATE "C"
);
--> statement-breakpoint
CREATE TABLE "dev_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"to" text COLLATE "C" NOT NULL,
	"subject" text COLLATE "C" NOT NULL,
	"body" text COLLATE "C" NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"email" text COLLATE "C" NOT NULL,
	"code_hash" text COLLATE "C" NOT NULL,
	"kind" text COLLATE "C" DEFAULT 'short' NOT NULL,
	"ip" text COLLATE "C" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"expires_at" timestamp(3) with time zone NOT NULL,
	"used_at" timestamp(3) with time zone,
	CONSTRAINT "email_codes_kind_values" CHECK ("kind" IN ('short', 'long'))
);
--> statement-breakpoint
CREATE TABLE "entities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" text COLLATE "C" NOT NULL,
	"name" text COLLATE "C" NOT NULL,
	"uai" text COLLATE "C",
	"siret" text COLLATE "C"
);
--> statement-breakpoint
CREATE TABLE "erasure_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text COLLATE "C" NOT NULL,
	"note" text COLLATE "C",
	"requested_at" timestamp(3) with time zone NOT NULL,
	"processed_at" timestamp(3) with time zone,
	"processed_by" text COLLATE "C",
	"outcome" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "erasure_requests_status_values" CHECK ("status" IN ('pending', 'processed'))
);
--> statement-breakpoint
CREATE TABLE "host_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kid" text COLLATE "C" NOT NULL,
	"alg" text COLLATE "C" NOT NULL,
	"key" text COLLATE "C" NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"revoked_at" timestamp(3) with time zone,
	CONSTRAINT "host_keys_alg_values" CHECK ("alg" IN ('HS256', 'EdDSA', 'RS256', 'ES256'))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"key" text COLLATE "C" NOT NULL,
	"request_hash" text COLLATE "C" NOT NULL,
	"status" integer NOT NULL,
	"body" text COLLATE "C" NOT NULL,
	"location" text COLLATE "C",
	"created_at" timestamp(3) with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_tenant_id_person_id_key_pk" PRIMARY KEY("tenant_id","person_id","key")
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text COLLATE "C" NOT NULL,
	"name" text COLLATE "C" NOT NULL,
	"allowed_origins" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_opt_outs" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text COLLATE "C" NOT NULL,
	"at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"address" text COLLATE "C",
	"language" text COLLATE "C" NOT NULL,
	"kind" text COLLATE "C" NOT NULL,
	"params" jsonb NOT NULL,
	"transactional" boolean NOT NULL,
	"dedupe_key" text COLLATE "C",
	"status" text COLLATE "C" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp(3) with time zone,
	"claimed_by" text COLLATE "C",
	"claimed_until" timestamp(3) with time zone,
	"last_error" text COLLATE "C",
	"unsubscribe_hash" text COLLATE "C",
	"created_at" timestamp(3) with time zone NOT NULL,
	"sent_at" timestamp(3) with time zone,
	CONSTRAINT "mail_outbox_language_values" CHECK ("language" IN ('fr', 'en')),
	CONSTRAINT "mail_outbox_status_values" CHECK ("status" IN ('pending', 'sent', 'failed', 'undeliverable'))
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text COLLATE "C" NOT NULL,
	"entity_id" uuid,
	"company_id" uuid,
	"created_at" timestamp(3) with time zone NOT NULL,
	CONSTRAINT "memberships_role_values" CHECK ("role" IN ('student', 'alumnus', 'staff', 'admin', 'company_rep', 'dpo'))
);
--> statement-breakpoint
CREATE TABLE "offer_targets" (
	"tenant_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	CONSTRAINT "offer_targets_offer_id_entity_id_pk" PRIMARY KEY("offer_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"title" text COLLATE "C" NOT NULL,
	"description" text COLLATE "C",
	"kind" text COLLATE "C" NOT NULL,
	"location" text COLLATE "C",
	"remote" text COLLATE "C",
	"start_date" date,
	"duration_amount" integer,
	"duration_unit" text COLLATE "C",
	"weekly_hours" double precision,
	"stipend_cents" bigint,
	"apply" text COLLATE "C",
	"expires_on" date,
	"status" text COLLATE "C" NOT NULL,
	"moderation_reason" text COLLATE "C",
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	"submitted_at" timestamp(3) with time zone,
	"published_at" timestamp(3) with time zone,
	CONSTRAINT "offers_kind_values" CHECK ("kind" IN ('internship', 'apprenticeship', 'fixed_term', 'permanent', 'international_volunteering')),
	CONSTRAINT "offers_remote_values" CHECK ("remote" IN ('onsite', 'hybrid', 'remote')),
	CONSTRAINT "offers_duration_unit_values" CHECK ("duration_unit" IN ('months', 'weeks')),
	CONSTRAINT "offers_status_values" CHECK ("status" IN ('draft', 'submitted', 'changes_requested', 'published', 'rejected', 'filled', 'expired', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"host_subject" text COLLATE "C",
	"external_id" text COLLATE "C",
	"email" text COLLATE "C",
	"display_name" text COLLATE "C",
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pledges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text COLLATE "C" NOT NULL,
	"status" text COLLATE "C" NOT NULL,
	"author_id" uuid NOT NULL,
	"company_id" uuid,
	"entity_id" uuid NOT NULL,
	"designation" text COLLATE "C",
	"fund" text COLLATE "C",
	"frequency" text COLLATE "C",
	"amount_cents" bigint,
	"sort_amount_cents" bigint NOT NULL,
	"received_cents" bigint,
	"received_on" date,
	"donor_kind" text COLLATE "C",
	"donor_name" text COLLATE "C",
	"donor_siret" text COLLATE "C",
	"donor_address" jsonb,
	"public_thanks" boolean,
	"tax_estimate" jsonb,
	"employer_siret" text COLLATE "C",
	"uai" text COLLATE "C",
	"programme" text COLLATE "C",
	"share_basis_points" integer,
	"campaign_year" integer,
	"contact" jsonb,
	"via_accountant" boolean,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	CONSTRAINT "pledges_kind_values" CHECK ("kind" IN ('donation', 'apprenticeship_tax')),
	CONSTRAINT "pledges_status_values" CHECK ("status" IN ('promised', 'allocated', 'received', 'cancelled')),
	CONSTRAINT "pledges_designation_values" CHECK ("designation" IN ('entity', 'foundation', 'fund')),
	CONSTRAINT "pledges_frequency_values" CHECK ("frequency" IN ('once', 'monthly', 'yearly')),
	CONSTRAINT "pledges_donor_kind_values" CHECK ("donor_kind" IN ('individual', 'company'))
);
--> statement-breakpoint
CREATE TABLE "profile_duplicate_flags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"other_person_id" uuid NOT NULL,
	"reason" text COLLATE "C" NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"resolved_at" timestamp(3) with time zone,
	CONSTRAINT "profile_duplicate_flags_reason_values" CHECK ("reason" IN ('email', 'nameYearProgramme'))
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"given_name" text COLLATE "C",
	"family_name" text COLLATE "C",
	"usage_name" text COLLATE "C",
	"emails" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"primary_email" text COLLATE "C",
	"phone" text COLLATE "C",
	"address" jsonb,
	"programme" text COLLATE "C",
	"education_entity_id" uuid,
	"graduation_year" integer,
	"education_locked" boolean DEFAULT false NOT NULL,
	"employer" text COLLATE "C",
	"job_title" text COLLATE "C",
	"sector" text COLLATE "C",
	"work_city" text COLLATE "C",
	"work_country" text COLLATE "C",
	"linkedin_url" text COLLATE "C",
	"previous_positions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"availability" jsonb DEFAULT '{"mentoring":false,"talks":false,"hiringInterns":false}'::jsonb NOT NULL,
	"bio" text COLLATE "C",
	"preferred_language" text COLLATE "C" DEFAULT 'fr' NOT NULL,
	"visibility" jsonb NOT NULL,
	"given_key" text COLLATE "C",
	"family_key" text COLLATE "C",
	"usage_key" text COLLATE "C",
	"employer_key" text COLLATE "C",
	"given_rank" integer DEFAULT 0 NOT NULL,
	"family_rank" integer DEFAULT 0 NOT NULL,
	"usage_rank" integer DEFAULT 0 NOT NULL,
	"employer_rank" integer DEFAULT 0 NOT NULL,
	"graduation_year_rank" integer DEFAULT 0 NOT NULL,
	"education_entity_rank" integer DEFAULT 0 NOT NULL,
	"name_rank" integer DEFAULT 0 NOT NULL,
	"sort_network" text COLLATE "C" DEFAULT '' NOT NULL,
	"sort_public" text COLLATE "C" DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"confirmed_at" timestamp(3) with time zone,
	"owner_updated_at" timestamp(3) with time zone,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	"updated_by" text COLLATE "C",
	CONSTRAINT "profiles_preferred_language_values" CHECK ("preferred_language" IN ('fr', 'en'))
);
--> statement-breakpoint
CREATE TABLE "purpose_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"purpose_id" uuid NOT NULL,
	"hash" text COLLATE "C" NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"legal_basis" text COLLATE "C" NOT NULL,
	"channels" jsonb NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purposes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"key" text COLLATE "C" NOT NULL,
	"entity_id" uuid NOT NULL,
	"retention_months" integer NOT NULL,
	"current_version_id" uuid NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receipt_counters" (
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "receipt_counters_tenant_id_year_pk" PRIMARY KEY("tenant_id","year")
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"pledge_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"number" text COLLATE "C" NOT NULL,
	"model" text COLLATE "C" NOT NULL,
	"yearly" boolean NOT NULL,
	"status" text COLLATE "C" NOT NULL,
	"donor_kind" text COLLATE "C" NOT NULL,
	"donor_name" text COLLATE "C" NOT NULL,
	"amount_cents" bigint NOT NULL,
	"gift_date" date NOT NULL,
	"payment_method" text COLLATE "C" NOT NULL,
	"mentions" jsonb NOT NULL,
	"issued_at" timestamp(3) with time zone NOT NULL,
	"cancelled_at" timestamp(3) with time zone,
	"cancel_reason" text COLLATE "C",
	"replaced_by_id" uuid,
	"replaces_id" uuid,
	CONSTRAINT "receipts_model_values" CHECK ("model" IN ('cerfa_11580', 'cerfa_16216')),
	CONSTRAINT "receipts_status_values" CHECK ("status" IN ('issued', 'cancelled')),
	CONSTRAINT "receipts_donor_kind_values" CHECK ("donor_kind" IN ('individual', 'company')),
	CONSTRAINT "receipts_payment_method_values" CHECK ("payment_method" IN ('transfer', 'card', 'cheque', 'direct_debit', 'cash'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text COLLATE "C" NOT NULL,
	"method" text COLLATE "C" NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"expires_at" timestamp(3) with time zone NOT NULL,
	"revoked_at" timestamp(3) with time zone,
	CONSTRAINT "sessions_method_values" CHECK ("method" IN ('host', 'email'))
);
--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"email" text COLLATE "C" NOT NULL,
	"ip" text COLLATE "C" NOT NULL,
	"at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"action" text COLLATE "C" NOT NULL,
	"address" text COLLATE "C" NOT NULL,
	"token_hash" text COLLATE "C" NOT NULL,
	"mail_id" uuid,
	"created_at" timestamp(3) with time zone NOT NULL,
	"expires_at" timestamp(3) with time zone NOT NULL,
	"used_at" timestamp(3) with time zone,
	"resent_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "solicitation_cap_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"per_month" integer NOT NULL,
	"at" timestamp(3) with time zone NOT NULL,
	"origin" text COLLATE "C",
	"origin_page" text COLLATE "C",
	"origin_component" text COLLATE "C",
	"actor_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "solicitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose_id" uuid NOT NULL,
	"channel" text COLLATE "C" NOT NULL,
	"entity_id" uuid NOT NULL,
	"campaign" text COLLATE "C" NOT NULL,
	"sent_at" timestamp(3) with time zone NOT NULL,
	"recorded_by" text COLLATE "C" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "soltea_campaigns" (
	"year" integer PRIMARY KEY NOT NULL,
	"campaign" jsonb NOT NULL,
	"set_at" timestamp(3) with time zone NOT NULL,
	"set_by_tenant_id" uuid,
	"set_by" text COLLATE "C"
);
--> statement-breakpoint
CREATE TABLE "used_token_ids" (
	"tenant_id" uuid NOT NULL,
	"jti" text COLLATE "C" NOT NULL,
	"expires_at" timestamp(3) with time zone NOT NULL,
	CONSTRAINT "used_token_ids_tenant_id_jti_pk" PRIMARY KEY("tenant_id","jti")
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"delivery_id" text COLLATE "C" NOT NULL,
	"at" timestamp(3) with time zone NOT NULL,
	"status_code" integer,
	"error" text COLLATE "C",
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"subscription_id" uuid NOT NULL,
	"event_type" text COLLATE "C" NOT NULL,
	"payload" text COLLATE "C" NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"status" text COLLATE "C" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp(3) with time zone,
	"locked_until" timestamp(3) with time zone,
	"delivered_at" timestamp(3) with time zone,
	CONSTRAINT "webhook_deliveries_status_values" CHECK ("status" IN ('pending', 'delivered', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"url" text COLLATE "C" NOT NULL,
	"events" jsonb NOT NULL,
	"secret" text COLLATE "C" NOT NULL,
	"previous_secret" text COLLATE "C",
	"previous_secret_until" timestamp(3) with time zone,
	"description" text COLLATE "C",
	"enabled" boolean NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_requests" ADD CONSTRAINT "company_requests_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_requests" ADD CONSTRAINT "company_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_requests" ADD CONSTRAINT "company_requests_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_purpose_id_purposes_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."purposes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_purpose_version_id_purpose_versions_id_fk" FOREIGN KEY ("purpose_version_id") REFERENCES "public"."purpose_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_codes" ADD CONSTRAINT "email_codes_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_keys" ADD CONSTRAINT "host_keys_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_opt_outs" ADD CONSTRAINT "mail_opt_outs_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_opt_outs" ADD CONSTRAINT "mail_opt_outs_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_targets" ADD CONSTRAINT "offer_targets_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_targets" ADD CONSTRAINT "offer_targets_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_targets" ADD CONSTRAINT "offer_targets_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_duplicate_flags" ADD CONSTRAINT "profile_duplicate_flags_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_duplicate_flags" ADD CONSTRAINT "profile_duplicate_flags_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_duplicate_flags" ADD CONSTRAINT "profile_duplicate_flags_other_person_id_people_id_fk" FOREIGN KEY ("other_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_education_entity_id_entities_id_fk" FOREIGN KEY ("education_entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purpose_versions" ADD CONSTRAINT "purpose_versions_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purpose_versions" ADD CONSTRAINT "purpose_versions_purpose_id_purposes_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."purposes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purposes" ADD CONSTRAINT "purposes_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purposes" ADD CONSTRAINT "purposes_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_counters" ADD CONSTRAINT "receipt_counters_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_failures" ADD CONSTRAINT "sign_in_failures_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_links" ADD CONSTRAINT "sign_in_links_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_links" ADD CONSTRAINT "sign_in_links_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_links" ADD CONSTRAINT "sign_in_links_mail_id_mail_outbox_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."mail_outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solicitation_cap_events" ADD CONSTRAINT "solicitation_cap_events_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solicitation_cap_events" ADD CONSTRAINT "solicitation_cap_events_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solicitations" ADD CONSTRAINT "solicitations_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solicitations" ADD CONSTRAINT "solicitations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solicitations" ADD CONSTRAINT "solicitations_purpose_id_purposes_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."purposes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solicitations" ADD CONSTRAINT "solicitations_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "used_token_ids" ADD CONSTRAINT "used_token_ids_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_tenant_id_institutions_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_tenant_at" ON "audit_log" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "audit_tenant_subject_at" ON "audit_log" USING btree ("tenant_id","subject_id","at");--> statement-breakpoint
CREATE INDEX "audit_tenant_actor_at" ON "audit_log" USING btree ("tenant_id","actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_tenant_action_at" ON "audit_log" USING btree ("tenant_id","action","at");--> statement-breakpoint
CREATE UNIQUE INDEX "companies_tenant_siret" ON "companies" USING btree ("tenant_id","siret");--> statement-breakpoint
CREATE INDEX "companies_tenant_name" ON "companies" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "company_requests_tenant_status" ON "company_requests" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX "company_requests_person" ON "company_requests" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consent_events_person_seq" ON "consent_events" USING btree ("tenant_id","person_id","seq");--> statement-breakpoint
CREATE INDEX "consent_events_purpose" ON "consent_events" USING btree ("tenant_id","purpose_id","person_id","seq");--> statement-breakpoint
CREATE INDEX "email_codes_tenant_email" ON "email_codes" USING btree ("tenant_id","email","created_at");--> statement-breakpoint
CREATE INDEX "email_codes_ip" ON "email_codes" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "entities_tenant" ON "entities" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entities_tenant_name" ON "entities" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "erasure_requests_tenant_status" ON "erasure_requests" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "erasure_requests_person" ON "erasure_requests" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "host_keys_tenant_kid" ON "host_keys" USING btree ("tenant_id","kid");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_opt_outs_person_kind" ON "mail_opt_outs" USING btree ("tenant_id","person_id","kind");--> statement-breakpoint
CREATE INDEX "mail_outbox_due" ON "mail_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_person" ON "mail_outbox" USING btree ("tenant_id","person_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_dedupe" ON "mail_outbox" USING btree ("tenant_id","dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_unsubscribe" ON "mail_outbox" USING btree ("unsubscribe_hash");--> statement-breakpoint
CREATE INDEX "memberships_person" ON "memberships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "memberships_tenant_entity" ON "memberships" USING btree ("tenant_id","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_unique" ON "memberships" USING btree ("person_id","role","entity_id","company_id");--> statement-breakpoint
CREATE INDEX "offer_targets_entity" ON "offer_targets" USING btree ("tenant_id","entity_id");--> statement-breakpoint
CREATE INDEX "offers_tenant_status_published" ON "offers" USING btree ("tenant_id","status","published_at");--> statement-breakpoint
CREATE INDEX "offers_tenant_author" ON "offers" USING btree ("tenant_id","author_id","updated_at");--> statement-breakpoint
CREATE INDEX "offers_tenant_company" ON "offers" USING btree ("tenant_id","company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_tenant_subject" ON "people" USING btree ("tenant_id","host_subject");--> statement-breakpoint
CREATE UNIQUE INDEX "people_tenant_external_id" ON "people" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "people_tenant_email" ON "people" USING btree ("tenant_id","email");--> statement-breakpoint
CREATE INDEX "people_tenant_id" ON "people" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE INDEX "pledges_tenant_created" ON "pledges" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "pledges_tenant_amount" ON "pledges" USING btree ("tenant_id","sort_amount_cents","id");--> statement-breakpoint
CREATE INDEX "pledges_tenant_entity" ON "pledges" USING btree ("tenant_id","entity_id");--> statement-breakpoint
CREATE INDEX "pledges_tenant_siret_uai" ON "pledges" USING btree ("tenant_id","employer_siret","uai");--> statement-breakpoint
CREATE INDEX "pledges_author" ON "pledges" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "pledges_company" ON "pledges" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "profile_duplicate_flags_pair" ON "profile_duplicate_flags" USING btree ("tenant_id","person_id","other_person_id","reason");--> statement-breakpoint
CREATE INDEX "profile_duplicate_flags_other" ON "profile_duplicate_flags" USING btree ("other_person_id");--> statement-breakpoint
CREATE INDEX "profiles_tenant_family" ON "profiles" USING btree ("tenant_id","family_key","family_rank","given_key","given_rank","usage_key","usage_rank","employer_key","employer_rank","graduation_year","graduation_year_rank","education_entity_id","education_entity_rank","name_rank","sort_network","sort_public","person_id");--> statement-breakpoint
CREATE INDEX "profiles_tenant_given" ON "profiles" USING btree ("tenant_id","given_key","given_rank","family_key","family_rank","usage_key","usage_rank","employer_key","employer_rank","graduation_year","graduation_year_rank","education_entity_id","education_entity_rank","name_rank","sort_network","sort_public","person_id");--> statement-breakpoint
CREATE INDEX "profiles_tenant_usage" ON "profiles" USING btree ("tenant_id","usage_key","usage_rank","family_key","family_rank","given_key","given_rank","employer_key","employer_rank","graduation_year","graduation_year_rank","education_entity_id","education_entity_rank","name_rank","sort_network","sort_public","person_id");--> statement-breakpoint
CREATE INDEX "profiles_tenant_employer" ON "profiles" USING btree ("tenant_id","employer_key","employer_rank","family_key","family_rank","given_key","given_rank","usage_key","usage_rank","graduation_year","graduation_year_rank","education_entity_id","education_entity_rank","name_rank","sort_network","sort_public","person_id");--> statement-breakpoint
CREATE INDEX "profiles_tenant_year" ON "profiles" USING btree ("tenant_id","graduation_year","graduation_year_rank","family_key","family_rank","given_key","given_rank","usage_key","usage_rank","employer_key","employer_rank","education_entity_id","education_entity_rank","name_rank","sort_network","sort_public","person_id");--> statement-breakpoint
CREATE INDEX "profiles_tenant_entity" ON "profiles" USING btree ("tenant_id","education_entity_id","education_entity_rank","family_key","family_rank","given_key","given_rank","usage_key","usage_rank","employer_key","employer_rank","graduation_year","graduation_year_rank","name_rank","sort_network","sort_public","person_id");--> statement-breakpoint
CREATE INDEX "profiles_tenant_email" ON "profiles" USING btree ("tenant_id","primary_email");--> statement-breakpoint
CREATE INDEX "profiles_tenant_sort_network" ON "profiles" USING btree ("tenant_id","sort_network","person_id","name_rank");--> statement-breakpoint
CREATE INDEX "profiles_tenant_sort_public" ON "profiles" USING btree ("tenant_id","sort_public","person_id","name_rank");--> statement-breakpoint
CREATE UNIQUE INDEX "purpose_versions_purpose_hash" ON "purpose_versions" USING btree ("purpose_id","hash");--> statement-breakpoint
CREATE UNIQUE INDEX "purposes_tenant_key" ON "purposes" USING btree ("tenant_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_tenant_year_sequence" ON "receipts" USING btree ("tenant_id","year","sequence");--> statement-breakpoint
CREATE INDEX "receipts_tenant_pledge" ON "receipts" USING btree ("tenant_id","pledge_id");--> statement-breakpoint
CREATE INDEX "receipts_tenant_entity" ON "receipts" USING btree ("tenant_id","entity_id");--> statement-breakpoint
CREATE INDEX "sessions_person" ON "sessions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "sign_in_failures_email" ON "sign_in_failures" USING btree ("tenant_id","email","at");--> statement-breakpoint
CREATE INDEX "sign_in_failures_ip" ON "sign_in_failures" USING btree ("ip","at");--> statement-breakpoint
CREATE UNIQUE INDEX "sign_in_links_token" ON "sign_in_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sign_in_links_person" ON "sign_in_links" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "solicitation_cap_events_person_seq" ON "solicitation_cap_events" USING btree ("tenant_id","person_id","seq");--> statement-breakpoint
CREATE INDEX "solicitations_person_sent" ON "solicitations" USING btree ("tenant_id","person_id","sent_at");--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery" ON "webhook_attempts" USING btree ("delivery_id","at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_subscription" ON "webhook_deliveries" USING btree ("subscription_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_tenant" ON "webhook_subscriptions" USING btree ("tenant_id");