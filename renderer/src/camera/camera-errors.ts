// getUserMedia failures as the volunteer should read them (keys of the `camera` strings).
export type CameraProblem = 'unsupported' | 'denied' | 'noCamera' | 'inUse' | 'lost' | 'decoderFailed' | 'failed';

export function cameraProblem(err: unknown): CameraProblem {
  const name = (err as { name?: string } | null)?.name ?? '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'noCamera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'inUse';
    default:
      return 'failed';
  }
}
