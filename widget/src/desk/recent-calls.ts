import { h } from '../shared/dom.js';
import type { Desk } from './desk-state.js';
import { showList } from './desk-view.js';

const longestList = 10;

/**
 * Adds a call to the top of this session's recent calls: who called, why, how it went and when. The list is a live
 * region, so this is also how a screen reader hears what became of a call that rang here.
 */
export function addRecentCall(desk: Desk, who: string, reasonLabel: string, outcome: string): void {
  const { recent, recentTitle, recentList } = desk.view;
  const time = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

  recentList.prepend(h('li', {},
    h('span', { class: 'who' }, who),
    h('span', { class: 'reason' }, reasonLabel),
    h('span', { class: 'result' }, outcome),
    h('span', { class: 'time' }, time)));
  while (recentList.children.length > longestList) recentList.lastElementChild!.remove();
  showList(recent, recentTitle, true);
}
