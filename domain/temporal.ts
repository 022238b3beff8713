/** Connection options for Temporal, shared by the client (API) and the worker. */
import { readFileSync } from 'node:fs';
import type { Config } from './config.ts';

export interface TemporalConnectionOptions {
  address: string;
  tls?: { clientCertPair?: { crt: Buffer; key: Buffer }; serverRootCACertificate?: Buffer } | boolean;
  apiKey?: string;
}

function readPem(path: string, variable: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`${variable}=${path}: cannot read the file (${(error as Error).message})`);
  }
}

export function temporalConnectionOptions(config: Config): TemporalConnectionOptions {
  const options: TemporalConnectionOptions = { address: config.temporalAddress };
  if (config.temporalTlsCert || config.temporalTlsKey) {
    if (!config.temporalTlsCert || !config.temporalTlsKey) throw new Error('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together');
    options.tls = {
      clientCertPair: {
        crt: readPem(config.temporalTlsCert, 'TEMPORAL_TLS_CERT'),
        key: readPem(config.temporalTlsKey, 'TEMPORAL_TLS_KEY'),
      },
      ...(config.temporalTlsCa ? { serverRootCACertificate: readPem(config.temporalTlsCa, 'TEMPORAL_TLS_CA') } : {}),
    };
  } else if (config.temporalApiKey) {
    options.tls = config.temporalTlsCa ? { serverRootCACertificate: readPem(config.temporalTlsCa, 'TEMPORAL_TLS_CA') } : true;
  }
  if (config.temporalApiKey) options.apiKey = config.temporalApiKey;
  return options;
}
