/**
 * Theme preset for hosts built with Ant Design (Refine's antd UI, plain antd apps): maps antd's
 * design tokens (the object `theme.useToken().token` or `theme.getDesignToken()` gives) to the
 * elements' `--c360-*` custom properties, so `<customer-360>` looks like the antd page around it.
 * Set the result as inline style on an ancestor of the elements (custom properties inherit into
 * their shadow roots). Pure and without an antd import: the token type below is structural.
 *
 * @example
 * import { theme } from 'antd';
 * import { antdThemeProperties } from '@c360/components/themes/antd';
 * const { token } = theme.useToken();
 * <div style={antdThemeProperties(token) as React.CSSProperties}><customer-360 customer-id="17850" /></div>
 * @module
 */

/** The antd design tokens this preset reads (all optional; a missing token leaves the element default). */
export interface AntdThemeTokens {
  colorPrimary?: string;
  /** Text on primary-coloured backgrounds (antd: `#fff`). */
  colorTextLightSolid?: string;
  colorBgContainer?: string;
  colorFillSecondary?: string;
  colorBgLayout?: string;
  colorText?: string;
  colorTextSecondary?: string;
  colorBorder?: string;
  colorSuccess?: string;
  colorWarning?: string;
  colorError?: string;
  /** Darker status shades (used on light backgrounds, where antd's base yellow and green are too faint for text). */
  colorSuccessTextActive?: string;
  colorWarningTextActive?: string;
  colorErrorTextActive?: string;
  /** Lighter status shades (used on dark backgrounds). */
  colorSuccessTextHover?: string;
  colorWarningTextHover?: string;
  colorErrorTextHover?: string;
  /** Pixels. */
  borderRadius?: number;
  /** Pixels; antd's cards use it, so the sections do too. */
  borderRadiusLG?: number;
  fontFamily?: string;
  /** Pixels; becomes the elements' base spacing unit. */
  padding?: number;
}

/** `--c360-*` custom property → CSS value. */
export type C360ThemeProperties = Partial<Record<`--c360-${string}`, string>>;

/** Relative luminance 0–1 of `#rgb`, `#rrggbb` or `rgb()/rgba()`; undefined when not parsable. */
function luminance(color: string): number | undefined {
  let rgb: number[] | undefined;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    rgb = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  } else {
    const fn = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(color.trim());
    if (fn) rgb = fn.slice(1, 4).map(Number);
  }
  if (!rgb) return undefined;
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const px = (n: number | undefined) => (typeof n === 'number' && Number.isFinite(n) ? `${n}px` : undefined);

/**
 * The `--c360-*` properties matching antd `token`:
 *
 * | property | token |
 * | --- | --- |
 * | `--c360-font-family` | `fontFamily` |
 * | `--c360-color-bg` | `colorBgContainer` |
 * | `--c360-color-surface` | `colorFillSecondary`, else `colorBgLayout` |
 * | `--c360-color-text` / `-text-muted` | `colorText` / `colorTextSecondary` |
 * | `--c360-color-border` | `colorBorder` |
 * | `--c360-color-accent` / `-on-accent` | `colorPrimary` / `colorTextLightSolid` |
 * | `--c360-color-success` / `-warning` / `-danger` | `colorSuccess` / `colorWarning` / `colorError`, in their darker `…TextActive` shade on a light `colorBgContainer` and lighter `…TextHover` shade on a dark one (readable as text) |
 * | `--c360-radius` | `borderRadiusLG`, else `borderRadius` (px) |
 * | `--c360-space` | `padding` (px) |
 *
 * Tokens that are missing are left out, so the element defaults apply to them.
 */
export function antdThemeProperties(token: AntdThemeTokens): C360ThemeProperties {
  const bgLuminance = token.colorBgContainer ? luminance(token.colorBgContainer) : undefined;
  const dark = bgLuminance !== undefined && bgLuminance < 0.2;
  const status = (base?: string, onLight?: string, onDark?: string) => (dark ? onDark : onLight) ?? base;
  const properties: Record<string, string | undefined> = {
    '--c360-font-family': token.fontFamily,
    '--c360-color-bg': token.colorBgContainer,
    '--c360-color-surface': token.colorFillSecondary ?? token.colorBgLayout,
    '--c360-color-text': token.colorText,
    '--c360-color-text-muted': token.colorTextSecondary,
    '--c360-color-border': token.colorBorder,
    '--c360-color-accent': token.colorPrimary,
    '--c360-color-on-accent': token.colorTextLightSolid,
    '--c360-color-success': status(token.colorSuccess, token.colorSuccessTextActive, token.colorSuccessTextHover),
    '--c360-color-warning': status(token.colorWarning, token.colorWarningTextActive, token.colorWarningTextHover),
    '--c360-color-danger': status(token.colorError, token.colorErrorTextActive, token.colorErrorTextHover),
    '--c360-radius': px(token.borderRadiusLG ?? token.borderRadius),
    '--c360-space': px(token.padding),
  };
  return Object.fromEntries(
    Object.entries(properties).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ) as C360ThemeProperties;
}
