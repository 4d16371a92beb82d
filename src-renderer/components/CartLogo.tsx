/** The Cartstation mark (the same drawing as public/favicon.svg). Decorative. */
export function CartLogo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#0f766e" />
      <path
        d="M6 9h3l2.6 11h11.2L25 12H11"
        fill="none"
        stroke="#fff"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <circle cx="13" cy="24.5" r="1.8" fill="#fff" />
      <circle cx="21.5" cy="24.5" r="1.8" fill="#fff" />
    </svg>
  );
}
