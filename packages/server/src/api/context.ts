/** The Hono environment of the c360 app: the read context and the acting user of each request. */
import type { Actor } from '../core/actor.js';
import type { ReadContext } from '../core/read-context.js';
import type { Authenticator } from '../auth/authenticate.js';

export interface AppEnv {
  Variables: {
    read: ReadContext;
    /** Verifies bearer tokens; holds the write budgets. */
    auth: Authenticator;
    /** Set by the route's `requires(…)` guard (src/api/guard.ts); only guarded routes read it. */
    actor: Actor;
  };
}
