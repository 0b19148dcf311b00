// The preload forwards exactly the contract's methods and nothing else: no raw ipcRenderer,
// no generic send. Arguments and results are validated in the main process, not here.
import { contextBridge, ipcRenderer } from 'electron';
import type { TransportApi } from '../../shared/contract/api';
import { channelOf, METHOD_NAMES } from '../../shared/contract/methods';
import { bridgeApi } from './bridge';
import { createShellApi } from './shell-bridge';

const api: TransportApi = bridgeApi(METHOD_NAMES, (method, args) =>
  ipcRenderer.invoke(channelOf(method), args),
);

contextBridge.exposeInMainWorld('throughline', api);

// The desktop shell's one channel towards the page: the native menu's commands (payload only).
contextBridge.exposeInMainWorld('throughlineShell', createShellApi(ipcRenderer));
