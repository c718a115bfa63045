/**
 * Makes the c360 elements inside look like the Ant Design page around them: antd's current design
 * tokens (`theme.useToken()`, so ConfigProvider themes and the dark algorithm follow) become
 * `--c360-*` custom properties on a wrapper, which inherit into the elements' shadow roots.
 * @module
 */
import type { CSSProperties, ReactNode } from 'react';
import { theme } from 'antd';
import { antdThemeProperties } from '@c360/components/themes/antd';

export function C360Theme({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div className="c360-theme" style={antdThemeProperties(token) as CSSProperties}>
      {children}
    </div>
  );
}
