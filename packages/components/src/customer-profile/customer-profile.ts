import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Address, Customer360 } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { baseStyles } from '../base/styles.js';
import styles from './customer-profile.styles.js';
import { segmentName } from '../base/rfm-segments.js';

/** The account status in words, in the active language (unknown statuses as given). */
function statusLabel(status: string): string {
  const labels: Record<string, string> = {
    active: msg('Active'),
    inactive: msg('Inactive'),
    suspended: msg('Suspended'),
    closed: msg('Closed'),
  };
  return labels[status] ?? status;
}

/** A tag colour as given when it is a plain CSS colour (#hex, rgb(), a name), else none. */
const safeColor = (color: string) =>
  /^(#[0-9a-f]{3,8}|[a-z]+|rgba?\([\d\s.,%]+\)|hsla?\([\d\s.,%deg]+\))$/i.test(color) ? color : 'transparent';

/** Up to two initials of a name ("Ada Lovelace" → "AL"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((w) => [...w][0]!.toUpperCase()).join('') || '?';
}

/**
 * @summary Who the customer is: name, avatar, contact details, company, country, registration date,
 * account status, VIP badge, segment and tag chips, addresses with their region (primary highlighted).
 *
 * Generated demo data (`profile.synthetic`) is marked as such.
 *
 * @attr customer-id - The customer to show.
 *
 * @csspart base - The wrapper.
 * @csspart avatar - The photo or the generated initials.
 * @csspart name - The customer's name (a heading).
 * @csspart badges - Status, VIP and synthetic-data badges.
 * @csspart status - Account status badge.
 * @csspart vip - VIP badge.
 * @csspart synthetic - "Synthetic demo data" marker.
 * @csspart details - The contact and account details list.
 * @csspart chips - RFM segment, segment and tag chips.
 * @csspart segment - The RFM segment chip.
 * @csspart tag - A tag chip.
 * @csspart company - The customer's company (shown when known).
 * @csspart addresses - The list of addresses.
 * @csspart address - One address; the primary one also has `address-primary`.
 * @csspart state - Loading, empty, error and access-denied states (with `loading`, `empty`, `error`, `denied`).
 * @csspart retry - The Retry button of the error state.
 *
 * @cssprop [--c360-avatar-size=3.5rem] - Size of the avatar.
 */
export class CustomerProfileElement extends C360CustomerElement {
  static override styles = [baseStyles, styles];
  /** The change-feed sections this element shows (real time, SPEC §7). */
  static override liveSections = ['profile', 'tags'] as const;

  private readonly task = this.customer360Task();

  protected override render() {
    return this.renderTask(this.task, (view) => this.renderProfile(view), msg('Loading profile…'));
  }

  private renderProfile(view: Customer360) {
    const { profile, rfm, segments, tags } = view;
    const f = this.format;
    const others = segments.filter((s) => s.kind !== 'rfm' || s.name !== rfm?.segment);
    return html`<div part="base" class="base">
      ${
        profile.avatarUrl
          ? html`<img part="avatar" class="avatar" src=${profile.avatarUrl} alt="" />`
          : html`<span part="avatar" class="avatar initials" aria-hidden="true">${initials(profile.name)}</span>`
      }
      <div class="identity">
        <h2 part="name" class="name">${profile.name}</h2>
        <div part="badges" class="badges">
          <span part="status" class="chip status status-${profile.status}">${statusLabel(profile.status)}</span>
          ${profile.vip ? html`<span part="vip" class="chip vip"><span aria-hidden="true">★</span> ${msg('VIP')}</span>` : nothing}
          ${
            profile.synthetic
              ? html`<span part="synthetic" class="chip synthetic" title=${msg('Name, email and phone were generated for the demo')}>${msg('Synthetic demo data')}</span>`
              : nothing
          }
        </div>
      </div>
      <dl part="details" class="details">
        <div><dt>${msg('Email')}</dt><dd>${profile.email ? html`<a class="link" href="mailto:${profile.email}">${profile.email}</a>` : '—'}</dd></div>
        <div><dt>${msg('Phone')}</dt><dd>${profile.phone ? html`<a class="link" dir="ltr" href="tel:${profile.phone.replace(/\s+/g, '')}">${profile.phone}</a>` : '—'}</dd></div>
        ${profile.company ? html`<div><dt>${msg('Company')}</dt><dd part="company">${profile.company}</dd></div>` : nothing}
        <div><dt>${msg('Country')}</dt><dd>${profile.country ?? '—'}</dd></div>
        <div><dt>${msg('Customer since')}</dt><dd><time datetime=${profile.registeredAt}>${f.date(profile.registeredAt)}</time></dd></div>
        <div><dt>${msg('Customer ID')}</dt><dd>${profile.id}</dd></div>
      </dl>
      ${
        rfm || others.length || tags.length
          ? html`<ul part="chips" class="chips" aria-label=${msg('Segments and tags')}>
            ${
              rfm
                ? html`<li part="segment" class="chip segment" title=${msg(str`RFM score ${rfm.score} (recency, frequency, monetary; 5 = best)`)}>
                  ${segmentName({ kind: 'rfm', name: rfm.segment })} <span class="muted">${msg(str`RFM ${rfm.score}`)}</span>
                </li>`
                : nothing
            }
            ${others.map((s) => html`<li class="chip">${s.name}</li>`)}
            ${tags.map((t) => html`<li part="tag" class="chip"><span class="dot" style="background:${safeColor(t.color)}" aria-hidden="true"></span>${t.name}</li>`)}
          </ul>`
          : nothing
      }
      ${profile.addresses.length ? this.renderAddresses(profile.addresses) : nothing}
    </div>`;
  }

  private renderAddresses(addresses: Address[]) {
    const sorted = [...addresses].sort((a, b) => Number(b.primary) - Number(a.primary));
    return html`<ul part="addresses" class="addresses" aria-label=${msg('Addresses')}>
      ${sorted.map(
        (a) => html`<li part=${a.primary ? 'address address-primary' : 'address'} class="address ${a.primary ? 'primary' : ''}">
          <strong>${a.label}</strong>${a.primary ? html` <span class="chip">${msg('Primary')}</span>` : nothing}<br />
          ${[a.line1, a.line2, [a.postcode, a.city].filter(Boolean).join(' '), a.region, a.country].filter(Boolean).join(', ')}
        </li>`,
      )}
    </ul>`;
  }
}
