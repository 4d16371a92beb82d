import { isOpenSession, type SessionView } from '../../api/sessions.api.ts';

/**
 * The list with `view` put in: replaced when it is at least as new as the copy held (answers
 * to refetches can arrive out of order), added when it is new, and dropped once it has ended.
 */
export function upsertSession(list: SessionView[], view: SessionView): SessionView[] {
  const index = list.findIndex((s) => s.id === view.id);
  if (index >= 0 && list[index]!.version > view.version) return list;
  if (!isOpenSession(view)) return index >= 0 ? list.filter((s) => s.id !== view.id) : list;
  if (index < 0) return [...list, view];
  return list.map((s, i) => (i === index ? view : s));
}

export const openExceptions = (view: SessionView) =>
  view.exceptions.filter((e) => e.status === 'open');

/** Carts needing staff first (help asked, then open exceptions), then the oldest sessions. */
export function byUrgency(help: ReadonlySet<string>) {
  const rank = (s: SessionView) => (help.has(s.id) ? 0 : openExceptions(s).length > 0 ? 1 : 2);
  return (a: SessionView, b: SessionView) =>
    rank(a) - rank(b) || a.started_at.localeCompare(b.started_at);
}
