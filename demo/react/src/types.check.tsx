/**
 * Type tests of the generated React types (packages/components/types/react.d.ts): compiled by
 * `tsc -p demo/react` (the typecheck step of `npm test`), never bundled. Each `@ts-expect-error`
 * fails the type-check if the misuse below it stops being an error, so the types are real.
 * (TypeScript accepts any unknown attribute name with a dash, as for `data-*`: the declared
 * ones are checked.)
 * @module
 */

/** Well-typed uses of attributes, properties and events. */
export const valid = (
  <health-gauge score={72} level="good" theme="dark">
    <order-history
      customer-id="17850"
      page-size={10}
      onc360-navigate={(event) => event.detail.kind satisfies 'order' | 'ticket' | 'customer'}
    />
  </health-gauge>
);

// @ts-expect-error `collapsed` is a string array (a property), not a string.
export const wrongPropertyType = <customer-360 customer-id="17850" collapsed="orders" />;

// @ts-expect-error `theme` is 'light' | 'dark' | 'auto' | 'host'.
export const wrongAttributeValue = <customer-360 customer-id="17850" theme="blue" />;

export const wrongEventDetail = (
  <customer-search
    onc360-select={(event) => {
      // @ts-expect-error `c360-select` carries `{customerId}`, no `id`.
      return event.detail.id;
    }}
  />
);
