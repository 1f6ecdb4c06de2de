// A QR code drawn as SVG in the page (no image request, nothing inline the CSP would refuse),
// from the same QR matrix the badges use (core/badge/qr.ts), with its quiet zone. The text it
// holds is given to screen readers as the image's name by the caller.
import { useMemo } from 'react';
import { QUIET_ZONE, qrMatrix, qrRuns } from '../../../core/badge/qr';

export function QrCode({ text, label, size = 240, testId }: { text: string; label: string; size?: number; testId?: string }) {
  const { d, n } = useMemo(() => {
    const m = qrMatrix(text);
    const path = qrRuns(m)
      .map(([r, c, len]) => `M${c + QUIET_ZONE} ${r + QUIET_ZONE}h${len}v1h-${len}z`)
      .join('');
    return { d: path, n: m.size + 2 * QUIET_ZONE };
  }, [text]);
  return (
    <svg className="qr" role="img" aria-label={label} viewBox={`0 0 ${n} ${n}`} width={size} height={size} shapeRendering="crispEdges" data-testid={testId}>
      <rect width={n} height={n} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
