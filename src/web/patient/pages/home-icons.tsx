import type { ReactNode } from 'react';

/**
 * The home tiles' icons: inline SVG drawn with the text colour (no icon font, no request), hidden from
 * assistive technologies since each tile says its name in words.
 */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="tile__icon"
      viewBox="0 0 24 24"
      width="28"
      height="28"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const CalendarIcon = () => (
  <Icon>
    <rect x="3.5" y="5" width="17" height="15.5" rx="2" />
    <path d="M3.5 10h17M8 3v4M16 3v4M8 14h2M14 14h2M8 17h2" />
  </Icon>
);

export const MessageIcon = () => (
  <Icon>
    <path d="M4 5.5h16a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-9l-4.5 3.5V16.5H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1Z" />
    <path d="M7.5 10h9M7.5 13h6" />
  </Icon>
);

export const DocumentIcon = () => (
  <Icon>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8Z" />
    <path d="M14 3v5h5M8.5 17c1.2-1.6 2.2-1.6 3 0s1.8 1.6 3.5-.5" />
  </Icon>
);

export const PaymentIcon = () => (
  <Icon>
    <rect x="3" y="6" width="18" height="13" rx="2" />
    <path d="M3 10h18M7 15h3" />
  </Icon>
);

export const ImagingIcon = () => (
  <Icon>
    <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
    <circle cx="9" cy="9.5" r="1.6" />
    <path d="m20.5 16-5-5-8 8.5" />
  </Icon>
);

export const FormIcon = () => (
  <Icon>
    <rect x="5" y="4.5" width="14" height="16.5" rx="2" />
    <path d="M9 3h6v3H9zM8.5 11h7M8.5 14.5h7M8.5 18h4" />
  </Icon>
);

export const PracticeIcon = () => (
  <Icon>
    <path d="M12 4.5c-1.5-1-3.8-1.3-5.3-.3C4.8 5.4 5 8.3 5.8 10.6c.7 2 1 4.2 1.4 6.3.3 1.6.7 3.1 1.8 3.1 1.4 0 1.3-2.6 1.7-4 .3-1 .7-1.7 1.3-1.7s1 .7 1.3 1.7c.4 1.4.3 4 1.7 4 1.1 0 1.5-1.5 1.8-3.1.4-2.1.7-4.3 1.4-6.3.8-2.3 1-5.2-.9-6.4-1.5-1-3.8-.7-5.3.3Z" />
  </Icon>
);
