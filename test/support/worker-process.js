// Starts the worker from source in its own process (tests kill it with SIGKILL mid-job).
require('./register-ts');
require('./worker-main.ts');
