/**
 * docs/elements.md is current: it is exactly what scripts/elements-docs.mjs writes from a manifest
 * analyzed now from the element sources (so a changed attribute, event, part or docblock without
 * `npm run manifest` fails here, naming the command). Also checks that the manifest documents
 * every registered element with what the docs promise.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeManifest, DOCS_FILE, REGENERATE, renderElementsDocs, type CustomElementsManifest } from '../../../../scripts/elements-docs.mjs';

let manifest: CustomElementsManifest;
/** The declarations registered as a tag (the base classes are custom elements without one). */
const elements = () => manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement === true && typeof d.tagName === 'string');

beforeAll(async () => {
  manifest = await analyzeManifest();
}, 60_000);

describe('custom-elements manifest and docs/elements.md', () => {
  it('docs/elements.md is what the generator writes from the current sources', () => {
    const expected = renderElementsDocs(manifest);
    const actual = readFileSync(DOCS_FILE, 'utf8');
    if (actual !== expected) {
      expect.fail(`docs/elements.md is stale: run \`${REGENERATE}\` and commit docs/elements.md.`);
    }
  });

  it('the manifest has every element registered in packages/components/src/index.ts, by tag', () => {
    const source = readFileSync(new URL('../../../components/src/index.ts', import.meta.url), 'utf8');
    const registered = [...source.matchAll(/import '\.\/([a-z0-9-]+)\/define\.js'/g)].map((m) => m[1]).sort();
    expect(registered.length).toBeGreaterThan(15);
    expect(elements().map((d) => d.tagName).sort()).toEqual(registered);
  });

  it("documents each element's summary, attributes, events, parts and CSS properties", () => {
    const docs = renderElementsDocs(manifest);
    const view = elements().find((d) => d.tagName === 'customer-360')!;
    expect(view.summary).toMatch(/\S/);
    for (const attribute of ['customer-id', 'order-href', 'collapsed', 'api-base', 'token', 'locale', 'theme']) {
      expect((view.attributes as Array<{ name: string }>).map((a) => a.name)).toContain(attribute);
    }
    expect((view.events as Array<{ name: string }>).map((e) => e.name)).toContain('c360-navigate');
    expect((view.slots as Array<{ name: string }>).map((s) => s.name)).toEqual(expect.arrayContaining(['actions', '']));
    expect(view.cssParts).not.toHaveLength(0);
    expect((view.cssProperties as Array<{ name: string }>).map((p) => p.name)).toContain('--c360-color-accent');
    // Every element has a section, and every event appears with the elements that fire it.
    for (const element of elements()) expect(docs).toContain(`## \`<${element.tagName}>\``);
    expect(docs).toMatch(/\| `c360-navigate` \| `CustomEvent<C360NavigateDetail>` \| [^\n]*`<order-history>`/);
  });
});
