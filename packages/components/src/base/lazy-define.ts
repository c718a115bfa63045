/**
 * Elements that are registered only once a page uses them (the self-contained bundle, bundle.ts):
 * their code is a separate chunk, fetched when the tag first appears in the document, so a page
 * with only `<customer-360>` does not load the search and comparison elements.
 *
 * A MutationObserver on the document sees tags in the light DOM (including those a framework adds
 * later); Lit keeps properties set before the element is upgraded. A tag used only inside another
 * component's shadow root is not seen: call {@link loadElement} for it first.
 * @module
 */

const loaders = new Map<string, () => Promise<unknown>>();
let observer: MutationObserver | undefined;

function scan(): void {
  for (const [tag] of loaders) if (document.querySelector(tag)) void loadElement(tag);
}

/**
 * Registers `load` (a dynamic import of the element's define module) for each tag, run the first
 * time the tag is in the document or {@link loadElement} asks for it.
 */
export function defineWhenUsed(entries: Record<string, () => Promise<unknown>>): void {
  for (const [tag, load] of Object.entries(entries)) if (!customElements.get(tag)) loaders.set(tag, load);
  if (!loaders.size) return;
  scan();
  if (!observer && loaders.size) {
    observer = new MutationObserver(scan);
    observer.observe(document, { childList: true, subtree: true });
  }
}

/**
 * Loads and registers a lazily defined element now; resolves once `tag` is defined. Resolves at
 * once for a tag that is already defined; rejects for a tag c360 does not know.
 */
export async function loadElement(tag: string): Promise<void> {
  const load = loaders.get(tag);
  if (load) {
    loaders.delete(tag);
    if (!loaders.size) {
      observer?.disconnect();
      observer = undefined;
    }
    await load();
  } else if (!customElements.get(tag)) {
    throw new Error(`c360: <${tag}> is not a c360 element that loads on demand`);
  }
  await customElements.whenDefined(tag);
}
