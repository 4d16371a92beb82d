/**
 * The preload bridge the console sees as `window.cartstation` when it runs inside Electron.
 * Only what needs the operating system goes here; everything else is the HTTP API.
 */
export interface CartstationBridge {
  /** The desktop app's version. */
  appVersion(): Promise<string>;
  /** Restarts the app (after a restore or an update). */
  relaunch(): Promise<void>;
  /** Opens the data directory in the OS file manager. */
  showDataDir(): Promise<void>;
}

export const IpcChannel = {
  appVersion: 'app:version',
  relaunch: 'app:relaunch',
  showDataDir: 'app:show-data-dir',
} as const;
