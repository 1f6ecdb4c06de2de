// True while any modal <dialog> is open on the page (walk-in, desk note, or one added
// later). The camera pauses then, so a badge left in view cannot check someone in
// behind a form the volunteer is filling in.
import { useSyncExternalStore } from 'react';

export function anyModalOpen(root: ParentNode = document): boolean {
  for (const d of root.querySelectorAll('dialog[open]')) if (d.matches(':modal')) return true;
  return false;
}

function subscribe(onChange: () => void): () => void {
  const mo = new MutationObserver(onChange);
  // showModal()/close() toggle the `open` attribute; dialogs can also mount and unmount.
  mo.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] });
  return () => mo.disconnect();
}

export function useModalOpen(): boolean {
  return useSyncExternalStore(subscribe, () => anyModalOpen(), () => false);
}
