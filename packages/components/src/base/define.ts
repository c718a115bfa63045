/**
 * Registers a custom element once. Loading two copies of the bundle (or importing `define.ts`
 * twice) must not throw "has already been defined".
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor) {
    console.warn(`c360: <${tag}> is already defined by another copy of the library; keeping the first one.`);
  }
}
