// Filled in once the offers API exists.
export {};
