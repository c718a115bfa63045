/**
 * Entry of the Vue 3 host example (demo/vue): loads the c360 elements, then mounts the app.
 * @module
 */
import { createApp } from 'vue';
import { App } from './app.js';
import { loadC360 } from './load-c360.js';

await loadC360();
createApp(App).mount('#app');
