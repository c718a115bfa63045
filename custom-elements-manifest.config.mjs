/**
 * Custom Elements Manifest analyzer configuration (`npm run manifest`, SPEC §7).
 *
 * Reads the element sources of packages/components (Lit mode: `@property` fields become properties
 * and attributes; the class JSDoc gives @attr, @fires, @slot, @csspart, @cssprop and @summary) and
 * writes packages/components/custom-elements.json, plus, from it, the framework types of the host
 * examples: packages/components/types/react.d.ts (React's JSX.IntrinsicElements) and vue.d.ts
 * (Vue's GlobalComponents). scripts/elements-docs.mjs then writes docs/elements.md from the manifest.
 *
 * Small plugins adapt the analyzer to this code base (`defineElement()` registrations, the prose of
 * the class docblocks) and write the framework types (see below).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

const PACKAGE = 'packages/components';
const SRC = `${PACKAGE}/src`;
/** Where the generated type files go, relative to the repository root. */
const TYPES_DIR = `${PACKAGE}/types`;

/**
 * Registers `defineElement('order-history', OrderHistoryElement)` calls (base/define.ts, which
 * tolerates a second copy of the bundle) as custom-element definitions, as the analyzer does for
 * `customElements.define()`: the class is linked to its tag and marked a custom element.
 */
function defineElementPlugin() {
  return {
    name: 'c360-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !klass || !ts.isIdentifier(klass)) return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name: klass.text, module: importedFrom(ts, node.getSourceFile(), klass.text, moduleDoc.path) },
        },
      ];
    },
  };
}

/** The module (a source path like the manifest's) that `name` is imported from in `file`, else `self`. */
function importedFrom(ts, file, name, self) {
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings) && bindings.elements.some((e) => e.name.text === name)) {
      return posix.join(posix.dirname(self), statement.moduleSpecifier.text).replace(/\.js$/, '.ts');
    }
  }
  return self;
}

/**
 * The summary and description of each class, read from its docblock's text. TypeScript's JSDoc
 * parser, which the analyzer uses, ends the description at any `@` word (`@lit/localize` in a
 * sentence) and reads everything after `@summary` up to the next tag as the summary, while the
 * element docblocks start with `@summary <one paragraph>` followed by description paragraphs. Here
 * only a line that starts with `@` starts a tag; the summary is the first paragraph of `@summary`
 * (on one line) and the description is the text before the tags plus the following paragraphs;
 * `{@link X}` becomes `` `X` ``.
 */
function prosePlugin() {
  return {
    name: 'c360-prose',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const jsDoc = node.jsDoc?.at(-1);
      const doc = moduleDoc.declarations.find((d) => d.kind === 'class' && d.name === node.name.text);
      if (!jsDoc || !doc) return;
      const blocks = docblockText(jsDoc.getText()).split(/\n(?=@)/);
      const preamble = blocks[0].startsWith('@') ? '' : blocks.shift();
      const summary =
        blocks
          .find((b) => b.startsWith('@summary'))
          ?.slice('@summary'.length)
          .trim() ?? '';
      const [first, ...rest] = summary.split(/\n\s*\n/);
      const description = [preamble, ...rest]
        .map((t) => t.trim())
        .filter(Boolean)
        .join('\n\n');
      if (first) doc.summary = first.replace(/\s*\n\s*/g, ' ');
      if (description) doc.description = description;
      else delete doc.description;
    },
  };
}

/** The text of a `/** … *\/` comment: without the delimiters and leading `*`, inline links as code. */
function docblockText(comment) {
  return comment
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trimEnd())
    .join('\n')
    .replace(/\{@link\s+([^}\s]+)\s*\}/g, '`$1`')
    .trim();
}

/**
 * Makes the manifest's module paths relative to the package that holds it
 * (`src/order-history/order-history.ts`), as tools reading `customElements` from its
 * package.json resolve them; references the analyzer took from imports (`/packages/…/x.js`) name
 * the same source files. Runs after the analyzer's own linking, which matches the paths as read.
 */
function packagePathsPlugin() {
  const source = new RegExp(`^/?${PACKAGE}/(.+?)(\\.js|\\.ts)$`);
  const relative = (value) => {
    if (Array.isArray(value)) value.forEach(relative);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if ((key === 'path' || key === 'module') && typeof v === 'string') value[key] = v.replace(source, '$1.ts');
        else relative(v);
      }
    }
  };
  return { name: 'c360-package-paths', packageLinkPhase: ({ customElementsManifest }) => relative(customElementsManifest) };
}

/**
 * The framework types, written with custom-element-jsx-integration and
 * custom-element-vuejs-integration from a host's view of the manifest: only what a host can set
 * (read-only getters left out) and, for events, the detail type (the generators wrap it in
 * `CustomEvent<…>` themselves, while the manifest keeps the event's own type). Attribute and
 * property types are the element classes' own (`Customer360Element['collapsed']`), imported from
 * the sources. Then each file is tied to its framework:
 * - react.d.ts augments React 19's `JSX.IntrinsicElements` (React 19 sets a prop as a property
 *   when the element has one, and `onc360-navigate` listens to `c360-navigate`);
 * - vue.d.ts augments Vue's `GlobalComponents` (the generator does it) and the JSX of
 *   `vue/jsx-runtime` (TSX), with Vue's listener names: `@c360-navigate` is `onC360Navigate`.
 */
function hostTypesPlugin() {
  // The element classes' types come from the compiled declarations (dist/), which the package ships
  // (consumers do not type-check its sources).
  const common = { outdir: TYPES_DIR, globalTypePath: '../dist/index.js', hideLogs: true };
  return {
    name: 'c360-host-types',
    packageLinkPhase({ customElementsManifest }) {
      // The docs test analyzes in memory and must not rewrite the type files.
      if (process.env.C360_MANIFEST_TYPES === 'off') return;
      const manifest = hostView(customElementsManifest);
      generateJsxTypes(manifest, { ...common, fileName: 'react.d.ts' });
      rewrite('react.d.ts', (text) => text + REACT_AUGMENTATION);
      generateVuejsTypes(manifest, { ...common, fileName: 'vue.d.ts' });
      const names = new Set(
        manifest.modules
          .flatMap((m) => m.declarations ?? [])
          .flatMap((d) => d.events ?? [])
          .map((e) => e.name),
      );
      rewrite('vue.d.ts', (text) => {
        for (const name of names) text = text.replaceAll(`"on${name}"?:`, `${vueListener(name)}?:`);
        return text + VUE_JSX_AUGMENTATION;
      });
    },
  };
}

/**
 * Applies `edit` to a generated type file, after naming each imported type once (the generators
 * import an event's detail type once per element that fires it).
 */
function rewrite(fileName, edit) {
  const file = join(TYPES_DIR, fileName);
  const text = readFileSync(file, 'utf8').replace(/import type \{([^}]*)\}/, (_, names) => {
    const unique = [
      ...new Set(
        names
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean),
      ),
    ];
    return `import type { ${unique.join(', ')} }`;
  });
  writeFileSync(file, edit(text));
}

/** A copy of the manifest as a host sees the elements (see {@link hostTypesPlugin}). */
function hostView(manifest) {
  const copy = structuredClone(manifest);
  for (const declaration of copy.modules.flatMap((m) => m.declarations ?? [])) {
    if (declaration.members) declaration.members = declaration.members.filter((m) => !(m.kind === 'field' && m.readonly));
    for (const event of declaration.events ?? []) {
      const detail = event.type?.text?.match(/^CustomEvent<(.+)>$/)?.[1];
      if (detail) event.type = { text: detail };
    }
  }
  return copy;
}

/** Vue's listener prop for an event: `c360-navigate` → `onC360Navigate`. */
const vueListener = (name) => `on${name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}`;

const REACT_AUGMENTATION = `
declare module "react" {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`;

const VUE_JSX_AUGMENTATION = `
/** The props of each element in Vue's TSX (\`jsxImportSource: "vue"\`), as in templates. */
type VueJsxElements = { [Tag in keyof CustomElements]: InstanceType<CustomElements[Tag]>["$props"] };

declare module "vue/jsx-runtime" {
  namespace JSX {
    interface IntrinsicElements extends VueJsxElements {}
  }
}
`;

export default {
  globs: [`${SRC}/**/*.ts`],
  exclude: [`${SRC}/**/*.test.ts`, `${SRC}/test-support/**`, `${SRC}/**/locales/**`],
  outdir: PACKAGE,
  litelement: true,
  // packages/components/package.json already names the manifest ("customElements").
  packagejson: false,
  plugins: [defineElementPlugin(), prosePlugin(), packagePathsPlugin(), hostTypesPlugin()],
};
