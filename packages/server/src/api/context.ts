/** The Hono environment of the c360 app: the read context and the acting user of each request. */
import type { ReadContext } from '../read/customer-360.js';

/** Who makes a request: recorded as note author, tag assigner, audit actor. */
export interface Actor {
  /** Display name, e.g. "Dana (support)". */
  name: string;
  /** Role of SPEC §8: viewer < agent < manager < admin. */
  role: 'viewer' | 'agent' | 'manager' | 'admin';
}

export interface AppEnv {
  Variables: {
    read: ReadContext;
    actor: Actor;
  };
}
