import { useMemo } from 'react';
import { qrPath } from '@/lib/qr';

/** A QR code drawn as one SVG path (no canvas, no innerHTML). */
export function QrCode(props: { text: string; label: string; size?: number; testId?: string }) {
  const { viewBox, d } = useMemo(() => qrPath(props.text), [props.text]);
  const px = props.size ?? 176;
  return (
    <svg
      role="img"
      aria-label={props.label}
      width={px}
      height={px}
      viewBox={`0 0 ${viewBox} ${viewBox}`}
      shapeRendering="crispEdges"
      data-testid={props.testId}
      data-qr-text={props.text}
    >
      <rect width="100%" height="100%" fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
