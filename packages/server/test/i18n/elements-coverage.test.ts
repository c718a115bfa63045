/** The elements render every code of the server's text catalogue (else they would show its English). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_TEXT } from '../../src/i18n/server-text.js';

const ELEMENT_FILES = ['server-text-scores.ts', 'server-text-timeline.ts', 'server-text-problems.ts'].map(
  (name) => new URL(`../../../components/src/base/${name}`, import.meta.url),
);

describe('server text in the elements', () => {
  it('has a renderer in packages/components for every catalogue code', () => {
    const keys = new Set(
      ELEMENT_FILES.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^\s*'([a-z]+\.[\w.]+)':/gim)].map((m) => m[1])),
    );
    const missing = Object.keys(SERVER_TEXT).filter((code) => !keys.has(code));
    expect(missing).toEqual([]);
  });
});
