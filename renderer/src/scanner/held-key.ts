// The first key of a scanner burst cannot be told from a person's key press until the
// second key arrives (~5–20 ms later). Where that first key would DO something — pick
// an option of a focused <select> by its first letter, or press a focused button or
// checkbox with Space — it is held back for one burst gap: if the burst goes on, it was
// part of a scan and is dropped; if not, a person pressed it and its effect is replayed.

/** True when `key` pressed on `el` would change a choice or press something. */
export function keyActs(el: EventTarget | null, key: string): el is HTMLElement {
  if (el instanceof HTMLSelectElement) return !el.disabled;
  if (key !== ' ') return false;
  if (el instanceof HTMLButtonElement || (el instanceof HTMLElement && el.tagName === 'SUMMARY')) return true;
  if (el instanceof HTMLInputElement) return ['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color'].includes(el.type);
  return el instanceof HTMLElement && ['button', 'checkbox', 'switch', 'menuitem', 'tab', 'option'].includes(el.getAttribute('role') ?? '');
}

/** A person's key after all: do what the browser would have done. */
export function replayKey(el: HTMLElement, key: string): void {
  if (!el.isConnected) return;
  if (el instanceof HTMLSelectElement) {
    if (key === ' ') return; // Space would open the list: not worth faking
    const i = typeAheadIndex([...el.options].map((o) => (o.disabled ? '' : o.label)), el.selectedIndex, key);
    if (i === -1 || i === el.selectedIndex) return;
    el.selectedIndex = i;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return;
  }
  el.click();
}

/** The next option after `current` (wrapping) whose label starts with `key`, as a select's type-ahead picks; -1 if none. */
export function typeAheadIndex(labels: string[], current: number, key: string): number {
  const k = key.toLocaleLowerCase();
  for (let step = 1; step <= labels.length; step++) {
    const i = (current + step) % labels.length;
    if (labels[i]!.trim().toLocaleLowerCase().startsWith(k)) return i;
  }
  return -1;
}
