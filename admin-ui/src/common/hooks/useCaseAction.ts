/**
 * Runs one user action on a case or task (claim, complete, cancel, …) and deals with the answer the
 * same way everywhere: on success the case and task queries refresh; a 409 (someone else was faster,
 * or the case moved on) says so and refreshes; a 422 with field details goes back to the form; any
 * other refusal is shown as the server's message. The action gets the typed data provider itself:
 * through `useDataProvider` a 401 would answer an empty `{ data }`, taken here for a success.
 */
import { useCallback, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLogoutIfAccessDenied, useNotify } from 'react-admin';
import type { AppDataProvider } from '../../dataProvider/index.ts';
import { apiErrorOf } from '../../http.ts';
import type { ApiFieldProblem } from '../../http.ts';
import { useActionKey } from './useActionKey.ts';
import { useAppDataProvider } from './useAppDataProvider.ts';

export type ActionOutcome<T> = { ok: true; data: T } | { ok: false; status: number; fieldProblems: ApiFieldProblem[] };

interface RunOptions {
  /** Translation key of the success notification. */
  success?: string;
  /** The caller shows 422 field problems on its own inputs, so they are not notified. */
  fieldErrors?: boolean;
}

export function useCaseAction() {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useAppDataProvider();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const actionKey = useActionKey();
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['cases'] }), queryClient.invalidateQueries({ queryKey: ['tasks'] })]);
  }, [queryClient]);

  const run = useCallback(
    async <T>(
      payload: unknown,
      action: (dataProvider: AppDataProvider, idempotencyKey: string) => Promise<T>,
      options: RunOptions = {},
    ): Promise<ActionOutcome<T>> => {
      setBusy(true);
      try {
        const data = await action(dataProvider, actionKey.keyFor(payload));
        actionKey.answered();
        if (options.success) notify(options.success, { type: 'success' });
        // Not awaited: the caller may move on (e.g. back to the inbox) while the queries refresh.
        void refresh();
        return { ok: true, data };
      } catch (error) {
        const problem = apiErrorOf(error);
        // Without an answer the same send may be retried with the same key; an answer ends the action.
        if (problem && problem.status > 0 && problem.status < 500) actionKey.answered();
        if (await logoutIfAccessDenied(error)) return { ok: false, status: 401, fieldProblems: [] };
        const status = problem?.status ?? 0;
        const fieldProblems = problem?.details.filter((d) => d.field.startsWith('body.')) ?? [];
        if (status === 409) {
          notify('resources.cases.notifications.conflict', { type: 'warning', messageArgs: { message: problem?.message ?? '' } });
          await refresh();
        } else if (!(options.fieldErrors && status === 422 && fieldProblems.length > 0)) {
          notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
        }
        return { ok: false, status, fieldProblems };
      } finally {
        setBusy(false);
      }
    },
    [actionKey, dataProvider, logoutIfAccessDenied, notify, refresh],
  );

  return useMemo(() => ({ run, busy, refresh }), [run, busy, refresh]);
}
