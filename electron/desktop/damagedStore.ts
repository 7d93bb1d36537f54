// The desktop's "start with a fresh database" sets the unusable one aside the way the CLI's --fresh does.
export { setAsideStore } from '../host/store/setAside.js';
