/**
 * Whether an address reaches only the computer it is opened on (loopback: 127.0.0.0/8, ::1,
 * localhost): a join link or QR code for it works for nobody else in the room.
 */
export function onlyThisComputer(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1' || host === '0:0:0:0:0:0:0:1';
}
