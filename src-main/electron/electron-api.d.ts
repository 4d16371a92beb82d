// The subset of Electron's API the shell uses. Electron's own package (and its types) cannot be
// installed on machines that can't download its binary, so the shell typechecks against this.
declare module 'electron' {
  interface WebContents {
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
    on(
      event: 'will-navigate',
      listener: (event: { preventDefault(): void }, url: string) => void,
    ): void;
  }
  class BrowserWindow {
    constructor(options: Record<string, unknown>);
    webContents: WebContents;
    loadURL(url: string): Promise<void>;
    isMinimized(): boolean;
    restore(): void;
    focus(): void;
    once(event: 'ready-to-show', listener: () => void): void;
    show(): void;
  }
  export interface UtilityProcess {
    on(event: 'message', listener: (message: unknown) => void): void;
    on(event: 'exit', listener: (code: number) => void): void;
    kill(): boolean;
  }
  export const utilityProcess: {
    fork(modulePath: string, args?: string[], options?: Record<string, unknown>): UtilityProcess;
  };
  export const app: {
    requestSingleInstanceLock(): boolean;
    quit(): void;
    exit(code?: number): void;
    relaunch(): void;
    whenReady(): Promise<void>;
    getVersion(): string;
    getPath(name: 'userData'): string;
    on(event: string, listener: (...args: unknown[]) => void): void;
  };
  export const ipcMain: {
    handle(channel: string, listener: (...args: unknown[]) => unknown): void;
  };
  export const ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  };
  export const contextBridge: {
    exposeInMainWorld(key: string, api: unknown): void;
  };
  export const shell: {
    openExternal(url: string): Promise<void>;
    openPath(path: string): Promise<string>;
  };
  export const dialog: {
    showErrorBox(title: string, content: string): void;
  };
  export { BrowserWindow };
}
