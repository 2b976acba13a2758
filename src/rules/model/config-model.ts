/** The configuration model moved to src/model/ (the layer below the rules); kept so existing imports work. */
export * from '../../model/config-model.js';
