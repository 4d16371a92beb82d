import type { CartstationBridge } from '#shared/ipc';

declare global {
  interface Window {
    /** Set by Electron's preload script; absent when the console runs in a plain browser. */
    readonly cartstation?: CartstationBridge;
  }
}

export {};
