// Preloaded into tools that reach for the internet by themselves (electronegativity fetches
// translations and Electron's release list on every run): every name lookup and every
// connection to anything but this machine fails at once, so a test run sends nothing out.
const dns = require('node:dns');
const net = require('node:net');

const local = (host) => !host || host === 'localhost' || /^127\./.test(host) || host === '::1';
const refuse = (host) => Object.assign(new Error(`offline: ${host} is not reached from tests`), { code: 'ENOTFOUND' });

const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  const callback = rest[rest.length - 1];
  if (!local(host)) return process.nextTick(callback, refuse(host));
  return lookup.call(this, host, ...rest);
};
const promisesLookup = dns.promises.lookup;
dns.promises.lookup = (host, ...rest) => (local(host) ? promisesLookup(host, ...rest) : Promise.reject(refuse(host)));
for (const Resolver of [dns.Resolver, dns.promises.Resolver]) {
  for (const method of ['resolve', 'resolve4', 'resolve6', 'resolveAny']) {
    Resolver.prototype[method] = function (host, ...rest) {
      const callback = rest[rest.length - 1];
      if (typeof callback === 'function') return process.nextTick(callback, refuse(host));
      return Promise.reject(refuse(host));
    };
  }
}
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : { host: typeof args[1] === 'string' ? args[1] : undefined, path: typeof args[0] === 'string' ? args[0] : undefined };
  if (!options.path && !local(options.host)) throw refuse(options.host);
  return connect.apply(this, args);
};
