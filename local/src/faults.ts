import { ApiError } from './server/api-error';

/** Faults injected into CodeDeploy API calls so a client's retry and back-off logic can be proven. */
export interface FaultOptions {
  /** Share of calls (0–1) answered with ThrottlingException. */
  throttleRate?: number;
  /** Share of calls (0–1) answered with a 500 InternalFailure. */
  serverErrorRate?: number;
  /** Milliseconds added before every answer. */
  latencyMs?: number;
  /** Seed of the pseudo-random sequence, so a test sees the same faults every run. */
  seed?: number;
}

/** Reads `throttle=0.3,5xx=0.1,latency=50,seed=7` (from --faults or LOCAL_CODEDEPLOY_FAULTS). */
export function parseFaults(text: string | undefined): FaultOptions {
  const faults: FaultOptions = {};
  for (const part of (text ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
    const [name, raw] = part.split('=');
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`invalid fault value: ${part}`);
    if (name === 'throttle') faults.throttleRate = value;
    else if (name === '5xx') faults.serverErrorRate = value;
    else if (name === 'latency') faults.latencyMs = value;
    else if (name === 'seed') faults.seed = value;
    else throw new Error(`unknown fault (expected throttle, 5xx, latency, seed): ${name}`);
  }
  return faults;
}

/** mulberry32: a tiny seeded generator; Math.random cannot be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultInjector {
  /** Waits the added latency, then throws the injected error for this call, if any. */
  apply(): Promise<void>;
  readonly counts: { throttled: number; serverErrors: number };
}

/** Creates the injector for one endpoint. */
export function createFaultInjector(options: FaultOptions): FaultInjector {
  const random = seededRandom(options.seed ?? Date.now());
  const counts = { throttled: 0, serverErrors: 0 };
  return {
    counts,
    async apply() {
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      if (options.throttleRate && random() < options.throttleRate) {
        counts.throttled += 1;
        throw new ApiError('ThrottlingException', 'Rate exceeded (injected by the local endpoint)');
      }
      if (options.serverErrorRate && random() < options.serverErrorRate) {
        counts.serverErrors += 1;
        throw new ApiError('InternalFailure', 'Internal failure (injected by the local endpoint)', 500);
      }
    },
  };
}
