import type { KeyboardEvent } from "react";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * For a modal's keydown: Tab and Shift+Tab go round its own controls. A modal <dialog> alone lets Tab past its last
 * control out of the page (to the browser's own bar, or to <body> where there is none), leaving the modal unfocused.
 */
export function keepTabInside(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (controls.length === 0) return;
  const at = controls.indexOf(document.activeElement as HTMLElement);
  const last = controls.length - 1;
  // Only at the ends (or from outside the controls) does the browser need help; in between its own order is right.
  if (at === -1 || (event.shiftKey ? at === 0 : at === last)) {
    event.preventDefault();
    controls[event.shiftKey ? last : 0]?.focus();
  }
}
