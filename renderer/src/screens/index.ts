// The screen registry: the top navigation lists these in order. A new screen is
// one entry here (id → #/id in the address bar, label from i18n, component).
import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n';
import { CheckinScreen } from './checkin/CheckinScreen';
import { CollectScreen } from './collect/CollectScreen';
import { ReceiversScreen } from './handouts/ReceiversScreen';
import { DoorScreen } from './occupancy/DoorScreen';
import { RoomsScreen } from './occupancy/RoomsScreen';
import { WallScreen } from './occupancy/WallScreen';
import { EvacuationScreen } from './evacuation/EvacuationScreen';
import { SettingsScreen } from './settings/SettingsScreen';

export interface ScreenDef {
  id: string;
  label: MessageKey;
  Component: ComponentType;
  /** Reached by links from other screens, not listed in the top bar (which is full at 1024 px in German, French and Russian). */
  linked?: true;
}

export const screens: ScreenDef[] = [
  { id: 'checkin', label: 'nav.checkin', Component: CheckinScreen },
  { id: 'collect', label: 'nav.collect', Component: CollectScreen },
  { id: 'handouts', label: 'nav.handouts', Component: ReceiversScreen, linked: true },
  { id: 'door', label: 'nav.door', Component: DoorScreen },
  { id: 'rooms', label: 'nav.rooms', Component: RoomsScreen },
  { id: 'wall', label: 'nav.wall', Component: WallScreen },
  // Reached from the top bar's own Evacuation entry (components/EvacuationEntry.tsx) and the Rooms screen.
  { id: 'evacuation', label: 'nav.evacuation', Component: EvacuationScreen, linked: true },
  { id: 'settings', label: 'nav.settings', Component: SettingsScreen },
];
