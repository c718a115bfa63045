/**
 * The state of `<marketing-engagement>`'s preference editing as a reactive controller: which edit's
 * confirmation dialog is open, the form's values and errors, the request in flight (with its
 * Idempotency-Key, kept for a retry of the same edit) and the announcement of a saved edit.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { C360Client, MarketingPreferences } from '@c360/sdk';
import { newIdempotencyKey } from '../customer-notes/note-form.js';
import {
  bodyOf,
  checkValues,
  errorsOf,
  initialValues,
  type EditDialogView,
  type EditValues,
  type PreferenceEditKind,
} from './consent-editor.js';

/** Where the controller saves to and what it starts from, asked when needed. */
export interface PreferenceEditSource {
  /** The client and customer to save to (undefined: nothing to save). */
  target(): { client: C360Client; customerId: string } | undefined;
  /** The preferences shown (the form starts from them). */
  preferences(): MarketingPreferences | undefined;
  /** Reloads the section after a saved edit. */
  reload(): Promise<unknown>;
}

export class PreferenceEditController implements ReactiveController {
  /** The edit whose confirmation dialog is open. */
  edit?: PreferenceEditKind;
  values: EditValues = initialValues({ quietHours: null, timezone: null, language: null, frequency: null, updatedAt: null });
  fieldErrors: Record<string, string> = {};
  formError?: string;
  sending = false;
  /** "Preferences saved.", announced politely after an edit. */
  saved = '';
  private attempt?: { key: string; signature: string };

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly source: PreferenceEditSource,
  ) {
    host.addController(this);
  }

  /** Closes an open dialog when the element leaves the page. */
  hostDisconnected(): void {
    this.edit = undefined;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  /** Opens the confirmation dialog of `edit`. */
  async start(edit: PreferenceEditKind): Promise<void> {
    const preferences = this.source.preferences();
    if (!preferences) return;
    this.edit = edit;
    this.values = initialValues(preferences);
    this.fieldErrors = {};
    this.formError = undefined;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>('input, select')?.focus();
  }

  /** Sends the confirmed edit; resolves to whether it was saved (errors stay in the dialog). */
  async confirm(): Promise<boolean> {
    const edit = this.edit;
    const target = this.source.target();
    if (!edit || !target || this.sending) return false;
    this.fieldErrors = checkValues(edit, this.values);
    this.formError = undefined;
    this.host.requestUpdate();
    if (Object.keys(this.fieldErrors).length) return false;
    const body = bodyOf(edit, this.values);
    const signature = JSON.stringify([target.customerId, body]);
    if (this.attempt?.signature !== signature) this.attempt = { key: newIdempotencyKey(), signature };
    this.sending = true;
    try {
      await target.client.updatePreferences(target.customerId, body, { idempotencyKey: this.attempt.key });
      this.attempt = undefined;
      this.saved = msg('Preferences saved.');
      this.close();
      await this.source.reload();
      return true;
    } catch (error) {
      const shown = errorsOf(error);
      this.fieldErrors = shown.fields;
      this.formError = shown.form;
      return false;
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  /** Closes the dialog without saving. */
  close(): void {
    const dialog = this.dialog;
    if (dialog?.open) dialog.close();
    this.edit = undefined;
    this.host.requestUpdate();
  }

  /** The dialog's view for {@link renderEditDialog}. */
  view(channelName: EditDialogView['channelName']): EditDialogView {
    return {
      edit: this.edit,
      channelName,
      values: this.values,
      fieldErrors: this.fieldErrors,
      formError: this.formError,
      sending: this.sending,
      onInput: (name, value) => {
        this.values = { ...this.values, [name]: value };
        this.host.requestUpdate();
      },
      onSubmit: () => void this.confirm(),
      onCancel: () => this.close(),
      onClose: () => {
        this.edit = undefined;
        this.host.requestUpdate();
      },
    };
  }
}
