/**
 * Who the token acts as, for hiding what the role may not do (R19.3). `GET /me` is asked once per
 * SDK client (the elements share one client per API and token), and every element reads the
 * answer through a {@link PermissionsController}.
 *
 * Hiding is a courtesy: the server checks every permission itself and refuses with 403.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { C360Client, CurrentActor, Permission } from '@c360/sdk';

const actors = new WeakMap<C360Client, Promise<CurrentActor>>();

/**
 * The caller behind `client`'s token (`GET /me`), fetched once per client and shared. A failed
 * answer is forgotten, so the next call asks again.
 */
export function currentActor(client: C360Client): Promise<CurrentActor> {
  let actor = actors.get(client);
  if (!actor) {
    actor = client.getMe();
    actors.set(client, actor);
    actor.catch(() => actors.delete(client));
  }
  return actor;
}

/** A host with the SDK client of its configuration (every `C360Element`). */
export interface PermissionsHost extends ReactiveControllerHost {
  readonly client: C360Client | undefined;
}

/**
 * Loads the current actor for the host's client (again whenever the client changes: another API
 * or token) and re-renders the host when it arrives.
 *
 * @example
 * private readonly permissions = new PermissionsController(this);
 * render() { return this.permissions.can('export') ? html`<button>…</button>` : nothing; }
 */
export class PermissionsController implements ReactiveController {
  /** The current actor, once known. */
  actor?: CurrentActor;
  /** Why `GET /me` failed (a 401 for a bad token), if it did. */
  error?: unknown;
  private client?: C360Client;

  constructor(private readonly host: PermissionsHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const client = this.host.client;
    if (client === this.client) return;
    this.client = client;
    this.actor = undefined;
    this.error = undefined;
    if (!client) return;
    currentActor(client).then(
      (actor) => {
        if (this.client !== client) return;
        this.actor = actor;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (this.client !== client) return;
        this.error = error;
        this.host.requestUpdate();
      },
    );
  }

  /** Asks `GET /me` again (after a failure). */
  retry(): void {
    this.client = undefined;
    this.host.requestUpdate();
  }

  /** True while the actor is being fetched. */
  get pending(): boolean {
    return !!this.client && !this.actor && this.error === undefined;
  }

  /** Whether the current actor has `permission`; false while unknown or after a failure. */
  can(permission: Permission): boolean {
    return !!this.actor?.permissions.includes(permission);
  }
}
