/**
 * A Lit reactive controller that tells whether its element has come near the viewport, so heavy
 * work that only matters on screen (drawing charts, and loading uPlot for them) waits until then.
 * Once near, it stays near; the host is asked to update at that moment. An element in a collapsed
 * section (`display: none`) never comes near until the section opens.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class NearViewportController implements ReactiveController {
  /** True once the host has been within `margin` of the viewport (or there is no IntersectionObserver). */
  near = typeof IntersectionObserver === 'undefined';
  private observer?: IntersectionObserver;

  /** `margin`: how far outside the viewport counts as near (CSS length, as IntersectionObserver's rootMargin). */
  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly margin = '400px',
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.near || this.observer) return;
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.near = true;
        this.hostDisconnected();
        this.host.requestUpdate();
      },
      { rootMargin: this.margin },
    );
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
