// Calls a station API method the way every transport does (dispatch: validation, errors as values),
// for tests that drive a station in this process; a refusal throws with the method's name.
import type { Method } from '../../core/api/index';
import { dispatch, type Handlers } from '../../station/handlers/index';
import type { Station } from '../../station/station';

export function stationCall(handlers: Handlers, station: () => Station) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return async function call<T = any>(method: Method, args: unknown = {}): Promise<T> {
    const r = await dispatch(handlers, station(), method, args);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
}
