import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';

/**
 * The console window. The renderer is sandboxed with context isolation and no Node; it may
 * only navigate within the backend's origin, and links elsewhere open in the system browser.
 */
export function createConsoleWindow(url: string): BrowserWindow {
  const origin = new URL(url).origin;
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    title: 'Cartstation',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.webContents.setWindowOpenHandler(({ url: target }) => {
    if (target.startsWith('http:') || target.startsWith('https:')) void shell.openExternal(target);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, target) => {
    if (new URL(target).origin !== origin) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}
