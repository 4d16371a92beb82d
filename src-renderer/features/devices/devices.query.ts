import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api.context.ts';
import {
  getTransports,
  listDevices,
  pairDevice,
  renameDevice,
  retireDevice,
  type PairRequest,
} from '../../api/devices.api.ts';

export const DEVICES_KEY = ['devices'] as const;

/** Links come and go without an event to the console, so the list is polled. */
const DEVICES_REFRESH_MS = 5_000;
const TRANSPORTS_REFRESH_MS = 30_000;

export function useDevices() {
  const api = useApi();
  return useQuery({
    queryKey: DEVICES_KEY,
    queryFn: ({ signal }) => listDevices(api, { signal }),
    refetchInterval: DEVICES_REFRESH_MS,
  });
}

export function useTransports() {
  const api = useApi();
  return useQuery({
    queryKey: ['device-transports'],
    queryFn: ({ signal }) => getTransports(api, { signal }),
    refetchInterval: TRANSPORTS_REFRESH_MS,
  });
}

function useRefreshDevices() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: DEVICES_KEY });
}

export function usePairDevice() {
  const api = useApi();
  const refresh = useRefreshDevices();
  return useMutation({
    mutationFn: (body: PairRequest) => pairDevice(api, body),
    onSuccess: refresh,
  });
}

export function useRenameDevice() {
  const api = useApi();
  const refresh = useRefreshDevices();
  return useMutation({
    mutationFn: ({ id, name }: { id: number; name: string }) => renameDevice(api, id, name),
    onSuccess: refresh,
  });
}

export function useRetireDevice() {
  const api = useApi();
  const refresh = useRefreshDevices();
  return useMutation({
    mutationFn: (id: number) => retireDevice(api, id),
    onSuccess: refresh,
  });
}
