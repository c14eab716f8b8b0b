import { useEffect, useState } from 'react';
import { type Account, accountItem, currentAccount, type Settings } from '@/lib/settings';

/**
 * Who is signed in to the environment in force, kept up to date when the user signs in or out
 * anywhere (the popup, the options page, an expired session in the worker). One owner for the
 * account in the popup and the options page. `known` is the account as already read, if it was.
 */
export function useAccount(
  settings: Settings | undefined,
  known?: Account | null,
): [Account | null, (account: Account | null) => void] {
  const [account, setAccount] = useState<Account | null>(known ?? null);
  useEffect(() => {
    if (!settings) return;
    let current = true;
    const refresh = () => void currentAccount(settings).then((read) => current && setAccount(read));
    if (known === undefined) refresh();
    const unwatch = accountItem.watch(refresh);
    return () => {
      current = false;
      unwatch();
    };
  }, [settings, known]);
  return [account, setAccount];
}
