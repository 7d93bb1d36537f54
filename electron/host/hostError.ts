export class HostError extends Error {}
