import type { CartstationBridge } from '#shared/ipc';

/** Electron's preload object, or null when the console runs in an ordinary browser. */
export function desktopBridge(): CartstationBridge | null {
  return window.cartstation ?? null;
}
