// Loaded before anything else (main.ts imports it first) so that pg and ioredis are instrumented when they load.
// eslint-disable-next-line no-restricted-imports -- the platform index loads ioredis (through BullMQ) before tracing could start
import { startTracing, tracingFromEnv } from '@techbridge/platform/observability/tracing-setup';

startTracing(tracingFromEnv(process.env, 'techbridge-api'));
