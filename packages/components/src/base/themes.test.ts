import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../index.js';
import type { HealthGaugeElement } from '../health-gauge/health-gauge.js';

/** A gauge with a fixed score (no request), inside a wrapper carrying the host page's styles. */
async function gauge(theme: string, hostStyle = ''): Promise<HealthGaugeElement> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style=${hostStyle}><health-gauge score="72" theme=${theme}></health-gauge></div>`,
  );
  const el = wrapper.querySelector('health-gauge')!;
  await el.updateComplete;
  return el;
}
const color = (el: Element) => getComputedStyle(el).color;

describe('themes', () => {
  it('light and dark have their own text colours', async () => {
    expect(color(await gauge('light'))).to.equal('rgb(17, 24, 39)');
    expect(color(await gauge('dark'))).to.equal('rgb(243, 244, 246)');
  });

  it('auto follows the system: the dark defaults on a dark system, the light ones otherwise', async () => {
    try {
      await emulateMedia({ colorScheme: 'dark' });
      expect(color(await gauge('auto'))).to.equal('rgb(243, 244, 246)');
      await emulateMedia({ colorScheme: 'light' });
      expect(color(await gauge('auto'))).to.equal('rgb(17, 24, 39)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('host follows the page: its color-scheme through the system colours, and its font', async () => {
    const light = await gauge('host', 'color-scheme: light; font-family: Georgia, serif');
    const dark = await gauge('host', 'color-scheme: dark; font-family: Georgia, serif');
    // CanvasText: black-ish in a light scheme, white-ish in a dark one.
    const luminance = (rgb: string) =>
      rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .map(Number)
        .reduce((a, b) => a + b, 0);
    expect(luminance(color(light))).to.be.below(100);
    expect(luminance(color(dark))).to.be.above(600);
    expect(getComputedStyle(dark).fontFamily).to.contain('Georgia');
  });

  it('a --c360-* property set by the page wins over every theme', async () => {
    for (const theme of ['light', 'dark', 'host']) {
      expect(color(await gauge(theme, '--c360-color-text: rgb(1, 2, 3); color-scheme: dark')), theme).to.equal('rgb(1, 2, 3)');
    }
  });
});
