import { sendKeys } from '@web/test-runner-commands';
import type { Failure } from '../../src/flow/flow-state.js';
import type { StepPage } from '../../src/pages/step-page.js';

/** Focuses a field and types into it key by key, as a user does. */
export async function typeInto(field: HTMLElement, text: string) {
  field.focus();
  await sendKeys({ type: text });
}

/** Types into a field and presses Enter, which submits the form it sits in. */
export async function typeAndPressEnter(field: HTMLElement, text: string) {
  await typeInto(field, text);
  await sendKeys({ press: 'Enter' });
}

/** Empties fields the way select-all and Delete would. */
export function clearInputs(...inputs: HTMLElement[]) {
  for (const input of inputs) {
    (input as HTMLInputElement).value = '';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }
}

/** Shows a step page with an alert, the field errors of an empty submit, and busy, all at once. */
export async function showAlertFieldErrorsAndBusy(
  page: StepPage,
  alert: Failure,
  submitButton: HTMLElement,
) {
  page.alert = alert;
  await page.updateComplete;
  submitButton.click();
  page.busy = true;
  await page.updateComplete;
}

/**
 * Once a request is running, an impatient user submits again: Enter in the focused field, then a
 * click on the submit button.
 */
export async function submitAgainWhileBusy(page: StepPage, submitButton: HTMLElement) {
  page.busy = true;
  await page.updateComplete;
  await sendKeys({ press: 'Enter' });
  submitButton.click();
  await page.updateComplete;
}
