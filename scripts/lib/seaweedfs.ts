/**
 * SeaweedFS, the S3-compatible store the platform's S3 file store is tested against (and the cluster
 * topology runs): built from its Go module into the project's cache through a wrapper module (its go.mod
 * has a `replace`, so `go install` refuses it), started as one `weed server -s3` on loopback ports with
 * its data in a folder of the caller's.
 */
import { mkdirSync } from 'node:fs';
import { StartupError } from '../../domain/run-main.ts';
import { cacheDir, goBuildWrappedCached } from './go-install.ts';
import { startService, waitForPort } from './service-process.ts';

const MODULE = 'github.com/seaweedfs/seaweedfs@v0.0.0-20261109003541-7506e5f91cd6';

export async function provisionSeaweedfs(say: (line: string) => void): Promise<string> {
  return goBuildWrappedCached(
    {
      label: 'SeaweedFS (weed)',
      require: MODULE,
      pkg: 'github.com/seaweedfs/seaweedfs/weed',
      replaces: ['github.com/tyler-smith/go-bip39 => github.com/cosmos/go-bip39 v1.0.0'],
      binary: 'weed',
      dir: cacheDir('seaweedfs-20261109'),
      expect: 'about 9 minutes on 2 cores',
    },
    say,
    () =>
      new StartupError(
        'Go is needed to build SeaweedFS (the S3-compatible store); install Go (https://go.dev/dl/) and run the command again.',
      ),
  );
}

/** Every port it listens on, each given (its defaults are fixed numbers, and gRPC ports are HTTP + 10000). */
export interface SeaweedPorts {
  s3: number;
  master: number;
  volume: number;
  filer: number;
  masterGrpc: number;
  volumeGrpc: number;
  filerGrpc: number;
  s3Grpc: number;
}

/** Free loopback ports for one server, from the caller's port picker. */
export async function seaweedPorts(free: () => Promise<number>): Promise<SeaweedPorts> {
  return {
    s3: await free(),
    master: await free(),
    volume: await free(),
    filer: await free(),
    masterGrpc: await free(),
    volumeGrpc: await free(),
    filerGrpc: await free(),
    s3Grpc: await free(),
  };
}

export interface RunningSeaweedfs {
  endpoint: string;
  stop(): Promise<void>;
}

/** `weed server` with master, volume, filer and S3 gateway, bound to loopback; resolves once S3 answers. */
export async function startSeaweedfs(weed: string, dataDir: string, ports: SeaweedPorts): Promise<RunningSeaweedfs> {
  mkdirSync(dataDir, { recursive: true });
  const service = startService('weed server', weed, [
    'server',
    `-dir=${dataDir}`,
    '-ip=127.0.0.1',
    '-ip.bind=127.0.0.1',
    `-master.port=${ports.master}`,
    `-master.port.grpc=${ports.masterGrpc}`,
    `-volume.port=${ports.volume}`,
    `-volume.port.grpc=${ports.volumeGrpc}`,
    `-filer.port=${ports.filer}`,
    `-filer.port.grpc=${ports.filerGrpc}`,
    '-s3',
    `-s3.port=${ports.s3}`,
    `-s3.port.grpc=${ports.s3Grpc}`,
    // Nothing leaves the machine, and nothing listens that the platform does not use.
    '-master.telemetry=false',
    '-s3.port.iceberg=0',
    '-master.volumeSizeLimitMB=64',
    '-volume.max=8',
  ]);
  await waitForPort('weed server (S3)', service, ports.s3, 60_000);
  return { endpoint: `http://127.0.0.1:${ports.s3}`, stop: service.stop };
}
