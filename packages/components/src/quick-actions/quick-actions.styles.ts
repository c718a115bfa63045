import { css } from 'lit';

export default css`
  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  .message {
    margin: 0;
    flex-basis: 100%;
    color: var(--_success);
    font-weight: 600;
  }
  .message:empty {
    display: none;
  }
  .button.secondary {
    color: var(--_text);
    background: var(--_surface);
    border-color: var(--_border);
  }
  .button:focus-visible,
  .input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .dialog {
    inline-size: min(var(--c360-dialog-width, 32rem), calc(100vw - 2rem));
    max-block-size: calc(100vh - 4rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font-family: var(--_font);
    box-shadow: var(--_shadow);
  }
  .dialog::backdrop {
    background: var(--_backdrop);
  }
  .form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding: var(--_space);
  }
  .form h2 {
    margin: 0;
  }
  .field {
    display: grid;
    gap: 0.2em;
  }
  label {
    font-size: 0.9em;
    font-weight: 600;
  }
  .input {
    font: inherit;
    inline-size: 100%;
    min-block-size: 2.25rem;
    padding: 0.35em 0.5em;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
  }
  textarea.input {
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .hint {
    font-size: 0.8em;
    color: var(--_muted);
  }
  .field-error,
  .form-error {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9em;
  }
  .form-error {
    padding: 0.5em 0.75em;
    border: 1px solid var(--_danger);
    border-radius: calc(var(--_radius) * 0.75);
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
    gap: calc(var(--_space) * 0.5);
  }
`;
