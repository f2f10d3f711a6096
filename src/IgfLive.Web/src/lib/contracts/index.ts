// The server's wire contracts, as JSON: camelCase, enums as names, instants as ISO 8601 strings.
// Each file mirrors records of the server (tests/IgfLive.Server.Tests/Contracts/WireContractTests
// fails when a field, an event or a name is on one side only).
export * from './session';
export * from './questions';
export * from './events';
export * from './requests';
export * from './http';
export * from './events-programme';
