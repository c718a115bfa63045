/** The Hono environment of the c360 app: the read context every handler uses. */
import type { ReadContext } from '../read/customer-360.js';

export interface AppEnv {
  Variables: {
    read: ReadContext;
  };
}
