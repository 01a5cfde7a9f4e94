import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, Me, Permission } from '@wk/contracts';
import { roleHas } from '@wk/contracts';
import { api, ApiError } from '../../api/client';
import { setLanguage } from '../../i18n/language';

export const ME_KEY = ['me'] as const;

/** The signed-in user, or null when there is no session (401 is an answer here, not an error). */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api<Me>('/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useCan(): (permission: Permission) => boolean {
  const me = useMe().data;
  return (permission) => !!me && roleHas(me.role, permission);
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (request: LoginRequest) => {
      await api('/auth/login', { method: 'POST', body: { ...request } });
      return api<Me>('/me');
    },
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(ME_KEY, me);
      // The person's own language wins unless this device already chose one.
      if (!localStorage.getItem('wk.lang')) setLanguage(me.locale);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      client.clear();
      client.setQueryData(ME_KEY, null);
    },
  });
}
