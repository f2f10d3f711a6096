/**
 * Keeps the screen on while the page is shown (Screen Wake Lock API): a stage display that dims
 * mid-session is a blank wall to the speaker. The browser drops the lock whenever the page is
 * hidden, so it is asked again each time the page comes back. The outcome is written to the
 * element's data-wake-lock ("held", "released", "refused" or "unsupported").
 */
export function keepScreenAwake(marker: HTMLElement): void {
  if (!('wakeLock' in navigator)) {
    marker.dataset['wakeLock'] = 'unsupported';
    return;
  }
  let held: WakeLockSentinel | null = null;
  const request = async (): Promise<void> => {
    if (document.visibilityState !== 'visible' || (held && !held.released)) return;
    try {
      held = await navigator.wakeLock.request('screen');
      marker.dataset['wakeLock'] = 'held';
      held.addEventListener('release', () => {
        marker.dataset['wakeLock'] = 'released';
      });
    } catch {
      // Refused (battery saver, policy): the display still works, it may just dim.
      marker.dataset['wakeLock'] = 'refused';
    }
  };
  document.addEventListener('visibilitychange', () => void request());
  void request();
}
