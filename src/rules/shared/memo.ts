/** The memo helper lives with the model (src/model/); kept so existing imports work. */
export { memo } from '../../model/memo.js';
