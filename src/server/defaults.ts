/** Where the explorer listens by default (kept apart from the server code so the CLI can show it cheaply). */
export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = "127.0.0.1";
