CREATE TABLE `promotions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`scope` text NOT NULL,
	`discount_type` text NOT NULL,
	`discount_value` integer NOT NULL,
	`min_order_amount` integer DEFAULT 0 NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`quantity` integer,
	`used_count` integer DEFAULT 0 NOT NULL,
	`target_ranks` text DEFAULT '[]' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	CONSTRAINT "promotions_used_check" CHECK("promotions"."quantity" is null or "promotions"."used_count" <= "promotions"."quantity")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promotions_live_code_unique` ON `promotions` (`code`) WHERE "promotions"."deleted_at" is null;