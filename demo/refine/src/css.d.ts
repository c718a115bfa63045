/** Style sheets imported for their side effect; esbuild bundles them into build/app.css. */
declare module '*.css';
