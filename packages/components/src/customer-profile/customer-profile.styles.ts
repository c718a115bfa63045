import { css } from 'lit';

export default css`
  .base {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: calc(var(--_space) * 0.5) var(--_space);
    align-items: center;
  }
  .avatar {
    inline-size: var(--c360-avatar-size, 3.5rem);
    block-size: var(--c360-avatar-size, 3.5rem);
    border-radius: 50%;
    object-fit: cover;
  }
  .initials {
    display: grid;
    place-items: center;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    font-size: calc(var(--c360-avatar-size, 3.5rem) * 0.38);
  }
  .name {
    margin: 0;
    font-size: 1.35em;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    margin-block-start: 0.35em;
  }
  .status-active {
    color: var(--_success);
    border-color: currentColor;
  }
  .status-suspended,
  .status-closed {
    color: var(--_danger);
    border-color: currentColor;
  }
  .vip {
    color: var(--_warning);
    border-color: currentColor;
    font-weight: 600;
  }
  .synthetic {
    border-style: dashed;
    color: var(--_muted);
  }
  .details,
  .chips,
  .addresses {
    grid-column: 1 / -1;
    margin: 0;
  }
  .details {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 1.75);
  }
  dt {
    color: var(--_muted);
    font-size: 0.8em;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    padding: 0;
    list-style: none;
  }
  .segment {
    border-color: var(--_accent);
    font-weight: 600;
  }
  .segment .muted {
    font-weight: normal;
  }
  .dot {
    inline-size: 0.6em;
    block-size: 0.6em;
    border-radius: 50%;
  }
  .addresses {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: calc(var(--_space) * 0.5);
    padding: 0;
    list-style: none;
    font-size: 0.9em;
  }
  .address {
    padding: calc(var(--_space) * 0.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .address.primary {
    border-color: var(--_accent);
    border-width: 2px;
  }
`;
