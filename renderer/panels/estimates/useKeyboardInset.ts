import { useEffect, useState } from 'react';

/**
 * How much of the bottom of the page the on-screen keyboard covers, in CSS px (0 without one).
 * Phone browsers lay the keyboard over the page without shrinking it, so a sheet along the
 * bottom would hide the very field being typed in; the visual viewport says what is still seen.
 */
export function useKeyboardInset(): number {
  const [inset, setInset] = useState(0);
  useEffect(() => {
    const vv = window.visualViewport;
    if (!vv) return;
    const measure = () => setInset(Math.max(0, Math.round(window.innerHeight - vv.height - vv.offsetTop)));
    measure();
    vv.addEventListener('resize', measure);
    vv.addEventListener('scroll', measure);
    return () => {
      vv.removeEventListener('resize', measure);
      vv.removeEventListener('scroll', measure);
    };
  }, []);
  return inset;
}
