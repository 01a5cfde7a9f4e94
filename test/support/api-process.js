// Starts the api from source in its own process (the multi-process test runs several, kills one).
require('./register-ts');
require('./api-main.ts');
