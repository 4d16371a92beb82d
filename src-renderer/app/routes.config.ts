import type { MessageKey } from './i18n/i18n.context.ts';

/** The console's pages, in navigation order; those not `ready` show a placeholder. */
export const PAGES = [
  { id: 'status', label: 'nav.status', ready: true },
  { id: 'carts', label: 'nav.carts', ready: true },
  { id: 'counter', label: 'nav.counter', ready: true },
  { id: 'devices', label: 'nav.devices', ready: true },
  { id: 'products', label: 'nav.products', ready: true },
  { id: 'categories', label: 'nav.categories', ready: true },
  { id: 'reviews', label: 'nav.reviews', ready: true },
  { id: 'orders', label: 'nav.orders', ready: true },
  { id: 'promotions', label: 'nav.promotions', ready: true },
  { id: 'customers', label: 'nav.customers', ready: false },
  { id: 'settings', label: 'nav.settings', ready: true },
] as const satisfies readonly { id: string; label: MessageKey; ready: boolean }[];

export type Page = (typeof PAGES)[number];
export type PageId = Page['id'];
export type RouteId = 'login' | PageId;

export const HOME_PAGE: PageId = 'status';

export const hrefOf = (route: RouteId): string => `#/${route}`;

export function pageById(id: PageId): Page {
  return PAGES.find((page) => page.id === id) ?? PAGES[0];
}

/**
 * Where a hash path should land: signed-out users always see the login page, and signed-in
 * users are sent from the login page (or an unknown path) to the home page.
 */
export function resolveRoute(path: string, signedIn: boolean): RouteId {
  if (!signedIn) return 'login';
  const page = PAGES.find((p) => `/${p.id}` === path);
  return page ? page.id : HOME_PAGE;
}

/** The shoppers' phone app lives beside the console, at `#/phone`. */
export const isPhonePath = (path: string): boolean =>
  path === '/phone' || path.startsWith('/phone/');
