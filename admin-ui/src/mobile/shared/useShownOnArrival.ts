/**
 * Scrolls a panel that replaces the long form into view: the inspector pressed 提交 at the bottom
 * of the page and would otherwise be left looking at the footer.
 */
import { useCallback } from 'react';

export function useShownOnArrival(): (element: HTMLElement | null) => void {
  return useCallback((element: HTMLElement | null) => element?.scrollIntoView({ block: 'start' }), []);
}
