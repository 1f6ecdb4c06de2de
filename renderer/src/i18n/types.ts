// The shape every language must fill: the English resource with each string widened.
import type { en } from './en';
import type { enDesk } from './en-desk';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export type English = typeof en & typeof enDesk;
export type Translation = Widen<English>;
