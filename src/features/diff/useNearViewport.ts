import { useEffect, useState } from 'react';

/**
 * True once the element (given through the returned ref callback) has come within `margin` of
 * the viewport, and from then on: a patch of hundreds of files renders (and tokenizes) each file
 * only when the reader gets near it.
 */
export function useNearViewport<T extends Element>(margin = '800px'): [(el: T | null) => void, boolean] {
  const [el, setEl] = useState<T | null>(null);
  const [near, setNear] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near || !el) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: margin });
    observer.observe(el);
    return () => observer.disconnect();
  }, [el, near, margin]);
  return [setEl, near];
}
