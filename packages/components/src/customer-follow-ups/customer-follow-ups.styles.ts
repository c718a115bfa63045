import { css } from 'lit';

export default css`
  :host {
    container-type: inline-size;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .item {
    display: grid;
    gap: 0.3em;
    padding: calc(var(--_space) * 0.6);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .line {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3em 1em;
    align-items: baseline;
    justify-content: space-between;
  }
  .due {
    font-weight: 600;
  }
  .overdue {
    margin-inline-start: 0.5em;
    padding: 0 0.4em;
    border-radius: var(--_radius);
    font-size: 0.8em;
    color: var(--_on-danger);
    background: var(--c360-overdue-color, var(--_danger));
  }
  .assignee {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .note {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .done {
    justify-self: start;
  }
  .item-error {
    margin: 0;
    color: var(--_danger);
  }
  .more {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .message:empty {
    display: none;
  }
`;
