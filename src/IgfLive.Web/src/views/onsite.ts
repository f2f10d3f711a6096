// Placeholder until the view is written.
export {};
