import { button, h } from '../shared/dom.js';
import type { CallOffer } from '../shared/protocol.js';
import { callerLabel, modeLabel } from './desk-words.js';

/** One ringing call on the desk: who calls, why and how, with its own Answer and Decline. */
export interface OfferCard {
  readonly item: HTMLLIElement;
  readonly answer: HTMLButtonElement;
  readonly decline: HTMLButtonElement;
}

let cards = 0;

/**
 * Draws a ringing call. The caller's name, the reason and the mode are text the caller chose, so they go in as
 * text nodes. Each card is a group named after the caller, and its buttons are described by the caller's name, so
 * "Answer" says which call it answers when several ring at once.
 */
export function offerCard(offer: CallOffer, onAnswer: () => void, onDecline: () => void): OfferCard {
  const id = `offer-${++cards}`;
  const who = callerLabel(offer.caller);
  const described = { 'aria-describedby': `${id}-who ${id}-details` };
  const answer = button('Answer', { part: 'button answer', ...described }, onAnswer);
  const decline = button('Decline', { class: 'secondary', part: 'button decline', ...described }, onDecline);

  const item = h('li', { class: 'offer', part: 'offer' },
    h('div', { class: 'offer-body', role: 'group', 'aria-label': `Call from ${who}` },
      h('p', { class: 'who', id: `${id}-who` }, who),
      h('p', { class: 'details', id: `${id}-details` }, `${offer.reasonLabel} \u00b7 ${modeLabel(offer.mode)}`),
      h('div', { class: 'actions' }, answer, decline)));
  return { item, answer, decline };
}

/**
 * How a card looks: `ringing` asks to be answered; `answering` holds both buttons while this desk answers it;
 * `waiting` holds Answer while this desk is in another call, and leaves Decline working.
 */
export type OfferCardState = 'ringing' | 'answering' | 'waiting';

/**
 * Sets how a card looks. Held buttons get `aria-disabled` rather than `disabled`, which keeps focus on a button that
 * was just pressed; their clicks are ignored by the desk, which knows the state of each call.
 */
export function setCardState(card: OfferCard, state: OfferCardState): void {
  card.item.classList.toggle('held', state !== 'ringing');
  hold(card.answer, state !== 'ringing');
  hold(card.decline, state === 'answering');
}

function hold(control: HTMLButtonElement, held: boolean): void {
  if (held) control.setAttribute('aria-disabled', 'true');
  else control.removeAttribute('aria-disabled');
}
