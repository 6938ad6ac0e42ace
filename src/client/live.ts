// The live page's browser client. Small and framework-free.
export {};
