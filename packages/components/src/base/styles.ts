import { css, unsafeCSS, type CSSResult } from 'lit';

/** The dark theme's defaults (`theme="dark"`, and `theme="auto"` on a dark system); --c360-* still win. */
const darkTokens = css`
  --_on-danger: var(--c360-color-on-danger, #111827);
  --_bg: var(--c360-color-bg, #111827);
  --_surface: var(--c360-color-surface, #1f2937);
  --_text: var(--c360-color-text, #f3f4f6);
  --_muted: var(--c360-color-text-muted, #a1a9b8);
  --_border: var(--c360-color-border, #374151);
  --_accent: var(--c360-color-accent, #93c5fd);
  --_on-accent: var(--c360-color-on-accent, #111827);
  --_success: var(--c360-color-success, #4ade80);
  --_warning: var(--c360-color-warning, #fbbf24);
  --_danger: var(--c360-color-danger, #fca5a5);
`;

/**
 * Theme tokens, state templates and small shared pieces (chips, buttons, focus ring).
 * Public tokens are `--c360-*` and inherit from the page (set them on `:root` or on an element);
 * each element reads them into private `--_*` variables with the light or dark default.
 */
export const baseStyles = css`
  :host {
    --_font: var(--c360-font-family, inherit);
    --_bg: var(--c360-color-bg, #ffffff);
    --_surface: var(--c360-color-surface, #f5f6f8);
    --_text: var(--c360-color-text, #111827);
    --_muted: var(--c360-color-text-muted, #4b5563);
    --_border: var(--c360-color-border, #d1d5db);
    --_accent: var(--c360-color-accent, #1d4ed8);
    --_on-accent: var(--c360-color-on-accent, #ffffff);
    --_success: var(--c360-color-success, #15803d);
    --_warning: var(--c360-color-warning, #b45309);
    --_danger: var(--c360-color-danger, #b91c1c);
    --_on-danger: var(--c360-color-on-danger, #ffffff);
    --_shadow: var(--c360-shadow, 0 10px 40px rgb(0 0 0 / 0.3));
    --_backdrop: var(--c360-color-backdrop, rgb(17 24 39 / 0.5));
    --_radius: var(--c360-radius, 0.5rem);
    --_space: var(--c360-space, 1rem);

    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }
  /* The host's own tokens: the page's color-scheme (system colours Canvas, CanvasText, LinkText),
     its font, and status colours for light or dark; --c360-* still override each one. */
  :host([theme='host']) {
    --_bg: var(--c360-color-bg, Canvas);
    --_surface: var(--c360-color-surface, color-mix(in srgb, CanvasText 5%, Canvas));
    --_text: var(--c360-color-text, CanvasText);
    --_muted: var(--c360-color-text-muted, color-mix(in srgb, CanvasText 72%, Canvas));
    --_border: var(--c360-color-border, color-mix(in srgb, CanvasText 25%, Canvas));
    --_accent: var(--c360-color-accent, LinkText);
    --_on-accent: var(--c360-color-on-accent, Canvas);
    --_success: var(--c360-color-success, light-dark(#15803d, #4ade80));
    --_warning: var(--c360-color-warning, light-dark(#b45309, #fbbf24));
    --_danger: var(--c360-color-danger, light-dark(#b91c1c, #fca5a5));
    --_on-danger: var(--c360-color-on-danger, Canvas);
    --_radius: var(--c360-radius, 0.25rem);
  }
  /* Touch targets (R20): on a phone-width screen or a touch pointer every control is at least
     44 × 44 CSS px (WCAG 2.5.5). Specific enough to win over the elements' own sizes. */
  @media (max-width: 600px), (pointer: coarse) {
    :host :is(button, select, input:not([type='hidden'], [type='checkbox'], [type='radio']), textarea, summary, [role='button'], [role='tab']) {
      min-block-size: 44px;
      min-inline-size: 44px;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2,
  h3 {
    margin: 0 0 calc(var(--_space) * 0.5);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.125em;
  }
  h3 {
    font-size: 0.95em;
    color: var(--_muted);
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  /* States */
  .state {
    padding: calc(var(--_space) * 0.75);
    border-radius: var(--_radius);
  }
  .loading .bone {
    block-size: 0.9em;
    margin-block: 0.5em;
    border-radius: calc(var(--_radius) / 2);
    background: linear-gradient(90deg, var(--_surface) 25%, var(--_border) 50%, var(--_surface) 75%) 0 0 / 200% 100%;
    animation: c360-shimmer 1.4s ease-in-out infinite;
  }
  @keyframes c360-shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .loading .bone {
      animation: none;
    }
  }
  .empty {
    color: var(--_muted);
    background: var(--_surface);
  }
  .error,
  .denied {
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
  }
  .error strong,
  .denied strong {
    color: var(--_danger);
  }
  .state p {
    margin: 0.25em 0 0;
  }
  .state .detail {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .state .button {
    margin-block-start: 0.5em;
  }

  /* Controls */
  .button {
    font: inherit;
    min-block-size: 2.25rem;
    padding: 0.35em 0.9em;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    cursor: pointer;
  }
  .button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  .link,
  .link-button {
    color: var(--_accent);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .link-button {
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
    text-align: start;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    font-size: 0.85em;
    white-space: nowrap;
  }
  .muted {
    color: var(--_muted);
  }
  .level-excellent,
  .level-good,
  .level-low {
    --_level: var(--_success);
  }
  .level-fair,
  .level-medium {
    --_level: var(--_warning);
  }
  .level-poor,
  .level-high {
    --_level: var(--_danger);
  }
`;

/** Tables of the section elements: full width, hairline rows, muted header cells. */
export const tableStyles = css`
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.9em;
  }
  th,
  td {
    padding: 0.35em 0.4em;
    text-align: start;
    vertical-align: top;
    border-block-end: 1px solid var(--_border);
  }
  thead th {
    color: var(--_muted);
    font-weight: 600;
    background: var(--_surface);
  }
`;

/** The roomier one-line rows of order and payment lists (on top of {@link tableStyles}). */
export const listTableStyles = css`
  table {
    font-size: 0.92em;
  }
  th,
  td {
    padding: 0.45em 0.5em;
    vertical-align: middle;
    white-space: nowrap;
  }
`;

/** The container widths at which an element's table turns into cards (CSS takes no variable there). */
export type CardWidth = '22rem' | '24rem' | '27rem' | '30rem';

/**
 * "Rows become cards" on a narrow container (R20), the part every table shares: the table and its
 * body become blocks, the header stays for screen readers only, each row is a card separated by a
 * border, cells lose their padding. `rules` (the element's own: grid areas, gaps, emphasis) go in the
 * same container query, after these.
 */
export function rowsAsCards(maxWidth: CardWidth, rules: CSSResult): CSSResult {
  return css`
    @container (max-width: ${unsafeCSS(maxWidth)}) {
      table,
      tbody {
        display: block;
      }
      thead {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      tbody tr {
        border-block-end: 1px solid var(--_border);
      }
      tbody th,
      tbody td {
        padding: 0;
        border: 0;
      }
      ${rules}
    }
  `;
}
