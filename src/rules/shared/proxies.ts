/** Proxy helpers shared by the rules; they are part of the model (src/model/), re-exported here for the rules' imports. */
export { PROXY_KINDS, keywordLines } from '../../model/sections.js';
export { defaultsOf, usersOf } from '../../model/defaults.js';
