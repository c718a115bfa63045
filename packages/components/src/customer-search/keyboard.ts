/**
 * Keyboard navigation of the results of `<c360-customer-search>`, from its combobox input:
 * ArrowDown/ArrowUp move the active row (wrapping around; ArrowUp with none active goes to the
 * last), Enter chooses the active row (the first with none active), Escape closes the list.
 * @module
 */

/** The state of the results list and how to change it, as the keydown handler sees them. */
export interface ResultsNavigation {
  /** How many rows are loaded. */
  count: number;
  /** Whether the list is open. */
  open: boolean;
  /** Index of the active row (-1: none). */
  activeIndex: number;
  /** Opens the list and makes the row at `index` active. */
  activate: (index: number) => void;
  /** Chooses the row at `index` (as a click on it does). */
  choose: (index: number) => void;
  /** Closes the list, leaving no row active. */
  close: () => void;
}

/** Handles a keydown in the search input: the keys above; any other key is left alone. */
export function onResultsKeydown(event: KeyboardEvent, nav: ResultsNavigation): void {
  const n = nav.count;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    if (!n) return;
    event.preventDefault();
    const delta = event.key === 'ArrowDown' ? 1 : -1;
    nav.activate(nav.activeIndex < 0 && delta < 0 ? n - 1 : (nav.activeIndex + delta + n) % n);
  } else if (event.key === 'Enter') {
    if (!n || !nav.open) return;
    event.preventDefault();
    nav.choose(Math.max(0, nav.activeIndex));
  } else if (event.key === 'Escape') {
    if (nav.open) event.preventDefault();
    nav.close();
  }
}
