import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
    position: relative;
  }
  .bell {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.35em 0.6em;
    cursor: pointer;
    font: inherit;
  }
  .bell:focus-visible,
  .item button:focus-visible,
  .item a:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .count {
    min-inline-size: 1.4em;
    padding: 0 0.35em;
    border-radius: 999px;
    background: var(--_danger);
    color: var(--_on-danger);
    font-size: 0.8em;
    font-weight: 600;
    text-align: center;
  }
  .panel {
    position: absolute;
    inset-inline-end: 0;
    z-index: 10;
    margin-block-start: 0.3em;
    inline-size: min(24rem, 90vw);
    max-block-size: 24rem;
    overflow: auto;
    background: var(--_bg);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    padding: calc(var(--_space) * 0.5);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    display: grid;
    gap: 0.2em;
    padding: calc(var(--_space) * 0.5);
    border-block-end: 1px solid var(--_border);
  }
  .item.unread {
    border-inline-start: 3px solid var(--_accent);
  }
  .item .title {
    font-weight: 600;
  }
  .item .meta {
    color: var(--_muted);
    font-size: 0.85em;
    display: flex;
    flex-wrap: wrap;
    gap: 0.6em;
    align-items: center;
  }
  .toast {
    position: fixed;
    inset-block-end: var(--_space);
    inset-inline-end: var(--_space);
    z-index: 20;
    max-inline-size: min(22rem, 90vw);
    background: var(--_bg);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    padding: calc(var(--_space) * 0.75);
    display: grid;
    gap: 0.3em;
  }
`;
