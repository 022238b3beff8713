/**
 * The typed data provider without react-admin's wrapper, for code that deals with every error
 * itself, 401 included (`useApiQuery`, `useCaseAction`, a dialog's own uploads). Through
 * `useDataProvider` a 401 signs the user out and then answers an empty `{ data }`, which such code
 * would take for a success. Everything else uses `useDataProvider<AppDataProvider>()`.
 */
import { dataProvider } from '../../dataProvider/index.ts';
import type { AppDataProvider } from '../../dataProvider/index.ts';

export function useAppDataProvider(): AppDataProvider {
  return dataProvider;
}
