import { css } from 'lit';

export default css`
  .base {
    display: grid;
    gap: calc(var(--_space) * 0.6);
  }
  .icon {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linecap: round;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tag {
    display: inline-flex;
    align-items: center;
    gap: 0.15em;
    max-inline-size: 100%;
    padding-block: 0.1em;
    padding-inline: 0.7em 0.2em;
    border-radius: 999px;
    /* --_tag-text is black or white, whichever contrasts more with the tag colour. */
    color: var(--_tag-text, #ffffff);
    background: var(--c360-tag-color, #64748b);
    box-shadow: inset 0 0 0 1px rgb(0 0 0 / 0.15);
    font-size: 0.9em;
    font-weight: 600;
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  a.name {
    color: inherit;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .remove {
    display: inline-grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    color: inherit;
    background: transparent;
    cursor: pointer;
  }
  .remove:hover {
    background: rgb(127 127 127 / 0.3);
  }
  .remove[disabled] {
    opacity: 0.5;
    cursor: progress;
  }
  .empty {
    margin: 0;
  }

  /* The combobox */
  .combo {
    position: relative;
  }
  .input {
    inline-size: 100%;
    font: inherit;
    min-block-size: 2.25rem;
    padding: 0.35em 0.7em;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 0;
  }
  .listbox {
    position: absolute;
    z-index: 1;
    inset-inline: 0;
    inset-block-start: calc(100% + 0.25em);
    margin: 0;
    padding: 0.25em 0;
    list-style: none;
    max-block-size: 16rem;
    overflow-y: auto;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  .listbox[hidden] {
    display: none;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 0.5em;
    padding: 0.4em 0.7em;
    cursor: pointer;
  }
  .option.active {
    background: var(--_surface);
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  /* box-shadow has no logical form: the stripe moves to the inline start in right-to-left. */
  :host(:dir(rtl)) .option.active {
    box-shadow: inset -3px 0 0 var(--_accent);
  }
  .swatch {
    inline-size: 0.8em;
    block-size: 0.8em;
    flex: none;
    border-radius: 50%;
    box-shadow: inset 0 0 0 1px rgb(0 0 0 / 0.2);
  }
  .option-name {
    flex: 1;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  [part~='option-create'] .option-name {
    color: var(--_accent);
    font-weight: 600;
  }
  .option-meta {
    color: var(--_muted);
    font-size: 0.85em;
    white-space: nowrap;
  }
  .hint {
    margin: 0.25em 0 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .error-message {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9em;
    font-weight: 600;
  }
`;
