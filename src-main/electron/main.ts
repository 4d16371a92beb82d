import { app, dialog, ipcMain, shell, type BrowserWindow, type UtilityProcess } from 'electron';
import { IpcChannel } from '#shared/ipc';
import { startBackend } from './backend-process.ts';
import { createConsoleWindow } from './window.ts';

// Electron host: lifecycle, one window, OS-only IPC. The backend knows nothing of Electron.

if (!app.requestSingleInstanceLock()) {
  // A second launch focuses the running terminal instead of opening the database twice.
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let backend: UtilityProcess | null = null;
  const dataDir = () => process.env.CARTSTATION_DATA_DIR ?? app.getPath('userData');

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  ipcMain.handle(IpcChannel.appVersion, () => app.getVersion());
  ipcMain.handle(IpcChannel.relaunch, () => {
    app.relaunch();
    app.quit();
  });
  ipcMain.handle(IpcChannel.showDataDir, () => shell.openPath(dataDir()));

  app.whenReady().then(
    async () => {
      const started = await startBackend(dataDir());
      backend = started.child;
      win = createConsoleWindow(started.url);
    },
    (err: unknown) => {
      dialog.showErrorBox('Cartstation could not start', String(err));
      app.exit(1);
    },
  );

  // SIGTERM lets the backend finish in-flight requests and close SQLite cleanly.
  app.on('before-quit', () => backend?.kill());
  app.on('window-all-closed', () => app.quit());
}
