/** Types of scripts/elements-docs.mjs, for the docs test (packages/server/test/docs). */

/** packages/components/custom-elements.json (absolute path). */
export declare const MANIFEST_FILE: string;
/** docs/elements.md (absolute path). */
export declare const DOCS_FILE: string;
/** The command that regenerates the manifest, the framework types and docs/elements.md. */
export declare const REGENERATE: string;

/** A custom-elements manifest (schema 1.0), as parsed JSON. */
export interface CustomElementsManifest {
  schemaVersion: string;
  modules: Array<{ kind: string; path: string; declarations?: Array<Record<string, unknown>>; exports?: Array<Record<string, unknown>> }>;
}

/** Analyzes the element sources in memory with the repository's analyzer configuration. */
export declare function analyzeManifest(): Promise<CustomElementsManifest>;
/** docs/elements.md from a custom-elements manifest. */
export declare function renderElementsDocs(manifest: CustomElementsManifest): string;
