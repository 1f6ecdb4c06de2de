// Types shared by the area handler files.
import type { Method, ParsedArgsOf, Results } from '../../core/api/index';
import type { Station } from '../station';

export type Handler<M extends Method> = (args: ParsedArgsOf<M>, station: Station) => Results[M] | Promise<Results[M]>;
export type AreaHandlers<K extends Method> = { [M in K]: Handler<M> };
export type Handlers = AreaHandlers<Method>;

export interface HandlerOptions {
  /** Injected clock for tests; defaults to Date.now. */
  now?: () => number;
}
