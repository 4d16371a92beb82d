import { contextBridge, ipcRenderer } from 'electron';
import { IpcChannel, type CartstationBridge } from '#shared/ipc';

const bridge = {
  appVersion: () => ipcRenderer.invoke(IpcChannel.appVersion) as Promise<string>,
  relaunch: () => ipcRenderer.invoke(IpcChannel.relaunch) as Promise<void>,
  showDataDir: () => ipcRenderer.invoke(IpcChannel.showDataDir) as Promise<void>,
} satisfies CartstationBridge;

contextBridge.exposeInMainWorld('cartstation', bridge);
