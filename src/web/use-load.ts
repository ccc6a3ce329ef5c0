// Loads data for a component: re-runs when `deps` change, ignores answers that arrive after
// the component moved on, and offers reload() after a change.
import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> = { data: T | undefined; error: unknown; isLoading: boolean; reload: () => void; setData: (data: T) => void };

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    setIsLoading(true);
    setError(null);
    load().then(
      (value) => {
        if (!isCurrent) return;
        setData(value);
        setIsLoading(false);
      },
      (reason: unknown) => {
        if (!isCurrent) return;
        setError(reason);
        setIsLoading(false);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, isLoading, reload, setData };
}
