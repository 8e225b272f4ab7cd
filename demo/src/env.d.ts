/// <reference types="vite/client" />

/** The Passerelle API's base URL, set in vite.config.ts (or by the test harness). */
declare const __PASSERELLE_API__: string;
