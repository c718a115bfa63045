/**
 * The normalised forms of a customer's email and phone (`customers.email_key`, `phone_key`) that
 * lookups compare (embed/find-customer.ts): whole values, never substrings of the search text.
 * @module
 */

/** `  Jose@Bücher.DE ` → `jose@bücher.de`: trimmed, Unicode NFC, lower-cased (the whole address). */
export function emailKey(email: string | null | undefined): string | null {
  const key = email?.trim().normalize('NFC').toLowerCase();
  return key ? key : null;
}

/** `+44 20 7946 0018` → `442079460018`: the digits only; null without any. */
export function phoneKey(phone: string | null | undefined): string | null {
  const key = phone?.replace(/\D/g, '');
  return key ? key : null;
}
