import { useMemo } from 'react';
import { encodeQr } from './qr/qr-encode.ts';

interface Props {
  text: string;
  /** Drawn size in CSS pixels; the code scales crisply at any size. */
  size?: number;
  label: string;
  testId?: string;
}

/** Four light modules around the code, as readers expect (ISO/IEC 18004 §6.3.8). */
const QUIET = 4;

/** `text` as a QR code in SVG; too long a text (over ~200 bytes) draws nothing. */
export function QrCode({ text, size = 176, label, testId }: Props) {
  const path = useMemo(() => {
    const grid = encodeQr(text);
    if (!grid) return null;
    let d = '';
    grid.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
      }),
    );
    return { d, extent: grid.length + QUIET * 2 };
  }, [text]);
  if (!path) return null;

  return (
    <svg
      className="qr-code"
      width={size}
      height={size}
      viewBox={`0 0 ${path.extent} ${path.extent}`}
      role="img"
      aria-label={label}
      data-testid={testId}
      shapeRendering="crispEdges"
    >
      <rect width={path.extent} height={path.extent} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
