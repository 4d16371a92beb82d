// Schema barrel: every table of every module, for drizzle-kit and the typed client.
export * from '#main/backend/modules/accounts/users.table';
export * from '#main/backend/modules/audit/audit.table';
export * from '#main/backend/modules/catalog/catalog.table';
export * from '#main/backend/modules/ratings/ratings.table';
export * from '#main/backend/modules/favorites/favorites.table';
export * from '#main/backend/modules/devices/devices.table';
export * from '#main/backend/modules/carts/carts.table';
export * from '#main/backend/modules/sessions/sessions.table';
export * from '#main/backend/modules/profile/addresses.table';
export * from '#main/backend/modules/orders/orders.table';
export * from '#main/backend/modules/promotions/promotions.table';
export * from '#main/backend/modules/settings/settings.table';
export * from '#main/backend/modules/payments/payments.table';
