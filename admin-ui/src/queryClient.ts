/**
 * react-admin's query cache, with one change: a 4xx answer is final (a region outside the user's
 * scope stays outside), so only network and server failures are retried.
 */
import { QueryClient } from '@tanstack/react-query';
import { HttpError } from 'react-admin';

const MAX_RETRIES = 2;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => {
        const status = error instanceof HttpError ? error.status : 0;
        return status >= 400 && status < 500 ? false : failures < MAX_RETRIES;
      },
    },
  },
});
