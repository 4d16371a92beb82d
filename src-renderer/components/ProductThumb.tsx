import { useState } from 'react';

interface Props {
  url: string | null;
  name: string;
  size?: number;
}

/**
 * A product's picture, or its initial when it has none or the picture will not load (the
 * console's content policy only allows images served by the store itself).
 */
export function ProductThumb({ url, name, size = 40 }: Props) {
  const [failed, setFailed] = useState(false);
  const style = { width: size, height: size };
  if (!url || failed) {
    return (
      <span className="thumb thumb-empty" style={style} aria-hidden="true">
        {name.trim().charAt(0).toUpperCase() || '?'}
      </span>
    );
  }
  return (
    <img
      className="thumb"
      style={style}
      src={url}
      alt=""
      loading="lazy"
      onError={() => setFailed(true)}
    />
  );
}
