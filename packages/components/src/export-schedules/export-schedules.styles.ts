import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  .table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  .table th,
  .table td {
    text-align: start;
    padding: 0.3em 0.5em;
    border-block-end: 1px solid var(--_border);
  }
  .table th {
    background: var(--_surface);
    font-weight: 600;
  }
  .muted {
    color: var(--_muted);
  }
  .form {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: end;
    margin-block-start: var(--_space);
  }
  .form label {
    display: grid;
    gap: 0.2em;
    font-size: 0.9em;
  }
  .error {
    color: var(--_danger);
    font-size: 0.9em;
  }
`;
