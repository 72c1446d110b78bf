export const INSIGHTS_CONFIG = Symbol('INSIGHTS_CONFIG');
