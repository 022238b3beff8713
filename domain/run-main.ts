/**
 * Entry-point wrapper of every process (API, worker, operator commands): runs `main`, turns known
 * start-up failures (bad configuration, unreachable services, missing tools) into a clear message and
 * exit code 1, and stops cleanly on Ctrl-C. In domain/ because the API and the worker use it, and they
 * may not import from scripts/.
 */

/** A failure at start-up whose message tells the operator what to fix: printed without a stack. */
export class StartupError extends Error {}

/** `main` returns a stop function for long-running commands, or nothing for one-shot ones. */
export function runMain(name: string, main: () => Promise<(() => Promise<void>) | void>): void {
  const fail = (error: unknown) => {
    const known = error instanceof StartupError;
    process.stderr.write(`\n${name}: ${known ? error.message : ((error as Error).stack ?? String(error))}\n`);
    // A failed workflow says why only in its causes (the activity's failure, then the error it threw).
    for (let cause = (error as Error | undefined)?.cause, depth = 0; cause && depth < 5; cause = (cause as Error).cause, depth++)
      process.stderr.write(`  caused by: ${(cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)).slice(0, 2000)}\n`);
    process.exit(1);
  };
  main().then((stop) => {
    if (!stop) return;
    let stoppingSince = 0;
    const onSignal = (signal: string) => {
      // npm and tsx may relay the terminal's Ctrl-C a second time at once; only a later one forces exit.
      if (stoppingSince) {
        if (Date.now() - stoppingSince < 3000) return;
        process.stderr.write(`${name}: ${signal} again, exiting without waiting\n`);
        process.exit(130);
      }
      stoppingSince = Date.now();
      process.stdout.write(`\n${name}: ${signal} received, stopping…\n`);
      stop().then(() => {
        process.stdout.write(`${name}: stopped.\n`);
        process.exit(0);
      }, fail);
    };
    process.on('SIGINT', () => onSignal('SIGINT'));
    process.on('SIGTERM', () => onSignal('SIGTERM'));
  }, fail);
}
