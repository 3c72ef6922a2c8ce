/** The `source` of the diagnostics the engine's fixes apply to (what the language server publishes). */
export const DIAGNOSTIC_SOURCE_NAME = 'codedeploy';
