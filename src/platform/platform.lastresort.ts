// The last resort: an error nothing caught (a rejected promise nobody awaited, an exception
// thrown from a timer) leaves the process in a state no one can vouch for. Log it as one JSON line
// on standard error and exit non-zero, so that the supervisor (systemd, Docker, the cluster
// primary) starts a fresh process; readers reconnect and resume by their last event id.

export const LAST_RESORT_EXIT_CODE = 70;

function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return { type: error.name, message: error.message, stack: error.stack };
  }
  return { type: typeof error, message: String(error) };
}

export function installLastResort(
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  const fail = (kind: string) => (error: unknown) => {
    try {
      process.stderr.write(
        `${JSON.stringify({
          level: 60,
          time: Date.now(),
          pid: process.pid,
          msg: `last resort: ${kind}, exiting so the supervisor restarts the process`,
          err: describe(error),
        })}\n`,
      );
    } finally {
      exit(LAST_RESORT_EXIT_CODE);
    }
  };
  process.on('uncaughtException', fail('uncaught exception'));
  process.on('unhandledRejection', fail('unhandled rejection'));
}
