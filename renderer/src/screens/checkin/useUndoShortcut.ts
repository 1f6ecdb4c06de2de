// Ctrl+Z (⌘Z) undoes the last check-in — but never steals text undo from a field
// that holds text (an empty scan field is fair game: focus rests there all day).
import { useEffect, useRef } from 'react';
import { isEditable, isTextField } from '../../scanner/useScannerBurst';

export function useUndoShortcut(onUndo: () => void): void {
  const ref = useRef(onUndo);
  ref.current = onUndo;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.repeat) return;
      const target = e.target;
      if (isEditable(target) && !(isTextField(target) && target.value === '')) return;
      e.preventDefault();
      ref.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
