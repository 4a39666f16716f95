import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { adoptGateStyles } from '../../src/app/adopt-styles.js';

/**
 * Renders a step page as a host page would embed it: inside a `.gate-theme` container with the
 * base theme adopted, so that contrast checks see the real colours.
 */
export async function pageFixture<T extends HTMLElement>(template: TemplateResult): Promise<T> {
  adoptGateStyles(document);
  const container = document.createElement('main');
  container.className = 'gate-theme';
  return fixture<T>(template, { parentNode: container });
}

/** The next event of a Gatehouse type, typed as its own class. */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  type: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) =>
    target.addEventListener(type, (event) => resolve(event as GlobalEventHandlersEventMap[K]), {
      once: true,
    }),
  );
}

/** Counts the events of a type that reach `target` from now on. */
export function countEvents(target: EventTarget, type: keyof GlobalEventHandlersEventMap) {
  const counter = { count: 0 };
  target.addEventListener(type, () => (counter.count += 1));
  return counter;
}
