// How a capacity state looks: colour class, icon and words together (never colour alone).
import type { CapacityState } from '../../../../core/occupancy/capacity';
import type { IconName } from '../../components/Icon';
import { t } from '../../i18n';

export const STATE_ICON: Record<CapacityState, IconName> = {
  ok: 'check',
  warning: 'info',
  critical: 'warning',
  full: 'cross',
};

/** 'Open', 'Filling up', 'Almost full', 'Full' in the desk's language. */
export function stateWord(s: CapacityState): string {
  return t(`state.${s}`);
}

export function trendArrow(n: number): string {
  return n > 0 ? '↑' : n < 0 ? '↓' : '→';
}
