// Loaded into the API process by test/fault/unhandled-rejection.test.ts only
// (NODE_OPTIONS=--import): on SIGUSR2, a promise fails with nobody waiting
// for it, as a missed `await` in the server's code would.
process.on('SIGUSR2', () => {
  void Promise.reject(new Error('fault test: a promise nobody awaits'));
});
