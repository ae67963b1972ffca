// Tests import server modules directly; the real package refuses to load outside React's server build.
export {};
