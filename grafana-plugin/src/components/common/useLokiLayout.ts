import { useEffect, useState } from 'react';
import { knownLokiLayout, lokiLayout, type LayoutCheck } from '../../api/loki/layout';

/** The Loki data source's layout; null until Loki has answered (asked once per session). */
export function useLokiLayout(datasourceUid: string): LayoutCheck | null {
  const [checked, setChecked] = useState<{ uid: string; check: LayoutCheck } | null>(null);
  useEffect(() => {
    let cancelled = false;
    lokiLayout(datasourceUid).then((check) => !cancelled && setChecked({ uid: datasourceUid, check }));
    return () => {
      cancelled = true;
    };
  }, [datasourceUid]);
  return knownLokiLayout(datasourceUid) ?? (checked?.uid === datasourceUid ? checked.check : null);
}
