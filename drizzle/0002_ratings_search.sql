CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`product_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`stars` integer NOT NULL,
	`comment` text,
	`images` text DEFAULT '[]' NOT NULL,
	`helpful_count` integer DEFAULT 0 NOT NULL,
	`admin_reply` text,
	`admin_replied_at` text,
	`admin_reply_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`admin_reply_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ratings_stars_check" CHECK("ratings"."stars" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_uuid_unique` ON `ratings` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_user_product_unique` ON `ratings` (`product_id`,`user_id`) WHERE "ratings"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `ratings_product_created_idx` ON `ratings` (`product_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `ratings_user_created_idx` ON `ratings` (`user_id`,`created_at`);--> statement-breakpoint
-- Edited by hand before release: SQLite can't add a NOT NULL column without a default, and
-- existing categories need a UUID each (v4 from randomblob; new rows get UUIDv7 from the app).
ALTER TABLE `categories` ADD `uuid` text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE `categories` SET `uuid` = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));--> statement-breakpoint
CREATE UNIQUE INDEX `categories_uuid_unique` ON `categories` (`uuid`);--> statement-breakpoint
-- Full-text index of the catalog. Text is folded by the app (lower case, no diacritics,
-- đ → d) before it is written here, and queries are folded the same way; the prefix indexes
-- make "ca ph" fast. `head` holds the name's first two words (the head noun in Vietnamese
-- product names) so "duong" ranks "Đường mía" above "dinh dưỡng". rowid = products.id.
-- Kept in sync by the catalog repository inside the transactions that change products,
-- variants, tags and categories.
CREATE VIRTUAL TABLE `product_search` USING fts5(
  `name`, `head`, `category`, `tags`, `sku`, `description`,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);--> statement-breakpoint
CREATE VIRTUAL TABLE `product_search_vocab` USING fts5vocab(`product_search`, 'row');
