/** A configuration the server or the CLI cannot run with: the message names the variable or the file, in one sentence. */
export class ConfigError extends Error {}
