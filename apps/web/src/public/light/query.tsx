/**
 * The few TanStack Query pieces the public pages use, for their light build only (vite.public.mts
 * aliases `@tanstack/react-query` here): a cache of one answer per key with its subscribers, retries
 * as the client's defaults say, the previous answer kept while the next key loads (keepPreviousData),
 * and mutations. The dashboard and the unit tests use the real library.
 */
import {
  createContext,
  useEffectEvent,
  useContext,
  useEffect,
  useReducer,
  useRef,
  useState,
  type ReactNode,
} from 'react';

type Key = readonly unknown[];
type Retry = boolean | number | ((failures: number, error: unknown) => boolean);

export interface QueryState {
  status: 'pending' | 'error' | 'success';
  data?: unknown;
  error?: unknown;
}

interface Entry extends QueryState {
  fetching?: Promise<void>;
  listeners: Set<() => void>;
}

export const keepPreviousData = <T,>(previous: T | undefined): T | undefined => previous;

const shouldRetry = (retry: Retry, failures: number, error: unknown) =>
  typeof retry === 'function' ? retry(failures, error) : typeof retry === 'number' ? failures < retry : retry;

async function withRetries<T>(fn: () => Promise<T>, retry: Retry): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await fn();
    } catch (error) {
      if (!shouldRetry(retry, failures, error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** failures, 30_000)));
    }
  }
}

/** Answers by key (its JSON), each with the components that show it. */
export class QueryClient {
  private readonly entries = new Map<string, Entry>();
  readonly retry: Retry;

  constructor(options: { defaultOptions?: { queries?: { retry?: Retry } } } = {}) {
    this.retry = options.defaultOptions?.queries?.retry ?? 3;
  }

  private entry(hash: string): Entry {
    let entry = this.entries.get(hash);
    if (!entry) this.entries.set(hash, (entry = { status: 'pending', listeners: new Set() }));
    return entry;
  }

  private update(hash: string, state: QueryState): void {
    const entry = this.entry(hash);
    Object.assign(entry, { data: undefined, error: undefined }, state);
    entry.listeners.forEach((notify) => notify());
  }

  state(hash: string): QueryState {
    const { status, data, error } = this.entry(hash);
    return { status, data, error };
  }

  subscribe(hash: string, listener: () => void): () => void {
    const entry = this.entry(hash);
    entry.listeners.add(listener);
    return () => void entry.listeners.delete(listener);
  }

  /** Asks once per key unless `again` (a retry after an error); one request at a time per key. */
  fetch(hash: string, fn: () => Promise<unknown>, retry: Retry = this.retry, again = false): Promise<void> {
    const entry = this.entry(hash);
    if (entry.fetching) return entry.fetching;
    if (entry.status !== 'pending' && !again) return Promise.resolve();
    if (again) this.update(hash, { status: 'pending' });
    const fetching = withRetries(fn, retry).then(
      (data) => this.update(hash, { status: 'success', data }),
      (error: unknown) => this.update(hash, { status: 'error', error }),
    );
    entry.fetching = fetching.finally(() => (entry.fetching = undefined));
    return entry.fetching;
  }

  getQueryData<T>(key: Key): T | undefined {
    return this.entries.get(JSON.stringify(key))?.data as T | undefined;
  }

  setQueryData<T>(key: Key, data: T): void {
    this.update(JSON.stringify(key), { status: 'success', data });
  }

  clear(): void {
    this.entries.clear();
  }
}

const ClientContext = createContext<QueryClient | null>(null);

export function QueryClientProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useQueryClient(): QueryClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('No QueryClient set');
  return client;
}

interface QueryOptions<T> {
  queryKey: Key;
  queryFn: (context: { signal: AbortSignal }) => Promise<T>;
  placeholderData?: typeof keepPreviousData;
  retry?: Retry;
  staleTime?: number;
  refetchOnWindowFocus?: boolean;
}

export interface UseQueryResult<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  refetch: () => Promise<void>;
}

/** Fetched once per key and page load (a public page's answers do not go stale while it is open). */
export function useQuery<T>(options: QueryOptions<T>): UseQueryResult<T> {
  const client = useQueryClient();
  const hash = JSON.stringify(options.queryKey);
  const [, render] = useReducer((n: number) => n + 1, 0);
  const ask = (again: boolean) =>
    client.fetch(hash, () => options.queryFn({ signal: new AbortController().signal }), options.retry, again);
  const askOnce = useEffectEvent(() => void ask(false));
  useEffect(() => {
    const unsubscribe = client.subscribe(hash, render);
    askOnce();
    return unsubscribe;
  }, [client, hash]);

  const state = client.state(hash);
  // keepPreviousData: the last answer stays in view while the next key loads.
  const [previous, setPrevious] = useState<T | undefined>(undefined);
  if (state.status === 'success' && state.data !== previous) setPrevious(state.data as T);
  const placeholder = state.status === 'pending' && options.placeholderData ? previous : undefined;
  const data = state.status === 'success' ? (state.data as T) : placeholder;
  return {
    data,
    error: state.status === 'error' ? state.error : null,
    isPending: data === undefined && state.status !== 'error',
    isError: state.status === 'error',
    isSuccess: data !== undefined,
    refetch: () => ask(true),
  };
}

interface MutationOptions<T, V> {
  mutationFn: (variables: V) => Promise<T>;
  onSuccess?: (data: T, variables: V) => void;
  onSettled?: () => void;
}

export interface UseMutationResult<T = unknown, E = unknown, V = void> {
  mutate: (variables: V, options?: { onSuccess?: (data: T, variables: V) => void }) => void;
  data: T | undefined;
  error: E | null;
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
}

type MutationState<T> = { status: 'idle' | 'pending' | 'error' | 'success'; data?: T; error?: unknown };

/** One call in view at a time: a newer call's outcome replaces an older one's. */
export function useMutation<T, V = void>(options: MutationOptions<T, V>): UseMutationResult<T, unknown, V> {
  const [state, setState] = useState<MutationState<T>>({ status: 'idle' });
  const calls = useRef(0);
  const mutate = (variables: V, callOptions?: { onSuccess?: (data: T, variables: V) => void }) => {
    const call = ++calls.current;
    setState({ status: 'pending' });
    options.mutationFn(variables).then(
      (data) => {
        options.onSuccess?.(data, variables);
        options.onSettled?.();
        if (call !== calls.current) return;
        setState({ status: 'success', data });
        callOptions?.onSuccess?.(data, variables);
      },
      (error: unknown) => {
        options.onSettled?.();
        if (call === calls.current) setState({ status: 'error', error });
      },
    );
  };
  return {
    mutate,
    data: state.data,
    error: state.status === 'error' ? state.error : null,
    isPending: state.status === 'pending',
    isError: state.status === 'error',
    isSuccess: state.status === 'success',
  };
}
