import { useEffect, useState } from 'react';

/** A list's height: the window's height less what the page puts around it, at least 400 px. */
export function useTableHeight(chrome: number): number {
  const [height, setHeight] = useState(() => Math.max(400, window.innerHeight - chrome));
  useEffect(() => {
    const onResize = () => setHeight(Math.max(400, window.innerHeight - chrome));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [chrome]);
  return height;
}
