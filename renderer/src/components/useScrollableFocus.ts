// A box that scrolls only on a small screen (the verdict at 1024×768, a long Last scans list)
// must be reachable by keyboard, or a keyboard user cannot read what is cut off (WCAG 2.1.1,
// axe's scrollable-region-focusable). It joins the tab order only while it actually scrolls.
import { useEffect, type RefObject } from 'react';

export function useScrollableFocus(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const scrolls = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
      if (scrolls && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
      if (!scrolls && el.getAttribute('tabindex') === '0') el.removeAttribute('tabindex');
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    // Content changes (a longer name, more rows) change scrollHeight without resizing the box.
    const mo = new MutationObserver(update);
    mo.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      ro.disconnect();
      mo.disconnect();
    };
  }, [ref]);
}
