// What a page may ask the browser for, decided once for every window (Electron's checklist:
// "handle session permission requests"). Everything else — camera, microphone, geolocation,
// notifications, MIDI, USB, HID, serial, … — is refused. No Electron here, so it is tested
// under plain Node; main.ts installs it on the default session.

/** Copy join link / copy image (the Clipboard API's write), the big screen's full screen. */
const allowed = new Set(['clipboard-sanitized-write', 'fullscreen']);

/**
 * May a page of `requestingOrigin` have `permission`? Only the origin its window was opened on
 * (our host's, or the host of a workshop joined on another computer), only what we use.
 */
export function permits(permission: string, requestingOrigin: string, windowOrigin: string): boolean {
  return requestingOrigin === windowOrigin && allowed.has(permission);
}
