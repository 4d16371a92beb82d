CREATE TABLE `promotion_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`promotion_id` integer NOT NULL,
	`product_id` integer,
	`category_id` integer,
	FOREIGN KEY (`promotion_id`) REFERENCES `promotions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "promotion_targets_one_check" CHECK(("promotion_targets"."product_id" is null) <> ("promotion_targets"."category_id" is null))
);
--> statement-breakpoint
CREATE INDEX `promotion_targets_promotion_idx` ON `promotion_targets` (`promotion_id`);--> statement-breakpoint
CREATE INDEX `promotion_targets_product_idx` ON `promotion_targets` (`product_id`);--> statement-breakpoint
CREATE INDEX `promotion_targets_category_idx` ON `promotion_targets` (`category_id`);--> statement-breakpoint
CREATE TABLE `payment_transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payment_id` integer NOT NULL,
	`method` text NOT NULL,
	`reference` text NOT NULL,
	`amount` integer NOT NULL,
	`outcome` text NOT NULL,
	`source` text NOT NULL,
	`received_at` text NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_transfers_reference_unique` ON `payment_transfers` (`method`,`reference`);--> statement-breakpoint
CREATE INDEX `payment_transfers_payment_idx` ON `payment_transfers` (`payment_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`order_id` integer NOT NULL,
	`method` text NOT NULL,
	`gateway_order_code` integer,
	`amount` integer NOT NULL,
	`amount_received` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`checkout_url` text,
	`qr_code` text,
	`provider_ref` text,
	`confirmed_by` text,
	`cashier_id` integer,
	`paid_at` text,
	`last_checked_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cashier_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_amount_check" CHECK("payments"."amount" > 0 and "payments"."amount_received" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_uuid_unique` ON `payments` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_gateway_code_unique` ON `payments` (`method`,`gateway_order_code`) WHERE "payments"."gateway_order_code" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `payments_open_per_order_unique` ON `payments` (`order_id`) WHERE "payments"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX `payments_paid_per_order_unique` ON `payments` (`order_id`) WHERE "payments"."status" = 'paid';--> statement-breakpoint
CREATE INDEX `payments_pending_idx` ON `payments` (`status`,`last_checked_at`);--> statement-breakpoint
ALTER TABLE `order_lines` ADD `asset_id` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `condition_note` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `evidence_photos` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `prepared_at` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `prepared_by` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `request_kind` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `request_reason` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `requested_from_status` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `returned_at` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `overdue_fee` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `converted_to_order_id` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `orders_session_unique` ON `orders` (`shopping_session_id`) WHERE "orders"."shopping_session_id" is not null;--> statement-breakpoint
CREATE INDEX `orders_rental_due_idx` ON `orders` (`kind`,`status`,`rental_end`);