CREATE TABLE `devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`cart_code` text NOT NULL,
	`name` text NOT NULL,
	`secret_key` text NOT NULL,
	`qr_token` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`firmware` text,
	`last_seen_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "devices_status_check" CHECK("devices"."status" in ('active','retired'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_uuid_unique` ON `devices` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `devices_cart_code_unique` ON `devices` (`cart_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `devices_qr_token_unique` ON `devices` (`qr_token`);--> statement-breakpoint
CREATE TABLE `cart_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cart_id` integer NOT NULL,
	`variant_id` integer NOT NULL,
	`transaction_type` text DEFAULT 'buy' NOT NULL,
	`rental_days` integer,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`cart_id`) REFERENCES `carts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`variant_id`) REFERENCES `product_variants`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cart_items_quantity_check" CHECK("cart_items"."quantity" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cart_items_line_unique` ON `cart_items` (`cart_id`,`variant_id`,`transaction_type`);--> statement-breakpoint
CREATE TABLE `carts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`guest_session_id` text,
	`shopping_session_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `carts_shopping_session_unique` ON `carts` (`shopping_session_id`);--> statement-breakpoint
CREATE INDEX `carts_user_idx` ON `carts` (`user_id`);--> statement-breakpoint
CREATE INDEX `carts_guest_idx` ON `carts` (`guest_session_id`);--> statement-breakpoint
CREATE TABLE `session_exceptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`kind` text NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`resolution` text,
	`resolved_by` integer,
	`created_at` text NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`session_id`) REFERENCES `shopping_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_exceptions_session_idx` ON `session_exceptions` (`session_id`,`status`);--> statement-breakpoint
CREATE TABLE `shopping_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`device_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`started_at` text NOT NULL,
	`last_activity_at` text NOT NULL,
	`ended_at` text,
	`ended_by` integer,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "shopping_sessions_status_check" CHECK("shopping_sessions"."status" in ('active','checkout','completed','abandoned','expired'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shopping_sessions_uuid_unique` ON `shopping_sessions` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `shopping_sessions_open_device_unique` ON `shopping_sessions` (`device_id`) WHERE "shopping_sessions"."status" in ('active','checkout');--> statement-breakpoint
CREATE UNIQUE INDEX `shopping_sessions_open_user_unique` ON `shopping_sessions` (`user_id`) WHERE "shopping_sessions"."status" in ('active','checkout');