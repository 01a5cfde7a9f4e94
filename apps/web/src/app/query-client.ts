import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // 4xx answers will not change by asking again; network trouble might.
      queries: { retry: (count, error) => !(error instanceof ApiError && error.status >= 400) && count < 2 },
    },
  });
}
