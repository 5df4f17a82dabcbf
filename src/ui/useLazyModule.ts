/** A module loaded only when a view needs it, so that the first paint parses less script. */
import { useEffect, useState } from 'preact/hooks';

export function useLazyModule<T>(load: () => Promise<T>): T | null {
  const [module, setModule] = useState<T | null>(null);
  useEffect(() => {
    let open = true;
    void load().then((loaded) => open && setModule(() => loaded));
    return () => {
      open = false;
    };
  }, []);
  return module;
}
