import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** `#/status` → `/status`; an empty hash → `/`. */
function currentPath(): string {
  return window.location.hash.replace(/^#/, '') || '/';
}

/** The path in `window.location.hash`, re-rendering on every change. */
export function useHashPath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** Goes to `href` (`#/…`) without leaving a history entry, as a redirect should. */
export function redirectTo(href: string): void {
  window.location.replace(href);
}
