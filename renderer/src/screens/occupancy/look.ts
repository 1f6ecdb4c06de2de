// How a capacity state looks: colour class, icon and words together (never colour alone).
import type { CapacityState } from '../../../../core/occupancy/capacity';
import type { IconName } from '../../components/Icon';

export const STATE_ICON: Record<CapacityState, IconName> = {
  ok: 'check',
  warning: 'info',
  critical: 'warning',
  full: 'cross',
};

export function trendArrow(n: number): string {
  return n > 0 ? '↑' : n < 0 ? '↓' : '→';
}
