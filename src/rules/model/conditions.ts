/** ACL conditions are part of the model (src/model/); kept so existing imports work. */
export * from '../../model/conditions.js';
