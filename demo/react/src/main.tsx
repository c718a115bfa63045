/**
 * Entry of the React 19 host example (demo/react): loads the c360 elements, then renders the app.
 * @module
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { loadC360 } from './load-c360.js';

await loadC360();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
