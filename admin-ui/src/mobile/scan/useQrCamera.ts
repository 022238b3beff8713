/**
 * The rear camera, read for QR codes in the browser: a few frames a second are drawn to a canvas and
 * handed to jsQR, so nothing leaves the phone and no app is needed. The camera is released when the
 * page goes away or a reader calls the `stop` it is given; a phone's camera light must never stay
 * on behind our back.
 */
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import jsQRModule from 'jsqr';

// jsqr is CommonJS; its module.exports is the function and also carries it as `default`.
const jsQR = jsQRModule.default;

/** Why the camera cannot be used. */
export type CameraProblem = 'insecure' | 'unsupported' | 'denied' | 'noCamera' | 'busy' | 'failed';

export type CameraState = { kind: 'starting' } | { kind: 'scanning' } | { kind: 'unavailable'; problem: CameraProblem };

/** Four reads a second find a label as fast as a hand holds it still, and keep an old phone cool. */
const FRAME_INTERVAL_MS = 250;
/** Frames are scaled down to this many pixels on the longer side: plenty for a label filling the guide. */
const MAX_SIDE = 800;

/** What stops the camera before it is even asked for: phones refuse it on plain HTTP. */
function blocker(): CameraProblem | null {
  if (!window.isSecureContext) return 'insecure';
  if (!('mediaDevices' in navigator) || typeof navigator.mediaDevices.getUserMedia !== 'function') return 'unsupported';
  return null;
}

function problemOf(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noCamera';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'failed';
}

/** The text of a QR code in the video's current frame, or null. */
function readFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement): string | null {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return null;
  const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
  const width = Math.round(video.videoWidth * scale);
  const height = Math.round(video.videoHeight * scale);
  if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  // Labels are printed dark on light: skipping the inverted pass halves the work per frame.
  return jsQR(data, width, height, { inversionAttempts: 'dontInvert' })?.data || null;
}

/** Called with each QR text read, and with what releases the camera once the reader has what it wants. */
export type QrReader = (text: string, stop: () => void) => void;

/**
 * Opens the rear camera into `video` and hands each QR text it reads to `onText`. Changing `attempt`
 * asks for the camera again (after the user allowed it in the settings).
 */
export function useQrCamera(video: RefObject<HTMLVideoElement | null>, onText: QrReader, attempt: number): CameraState {
  const [state, setState] = useState<CameraState>({ kind: 'starting' });
  const onTextRef = useRef(onText);
  useEffect(() => {
    onTextRef.current = onText;
  });

  useEffect(() => {
    const problem = blocker();
    if (problem) {
      setState({ kind: 'unavailable', problem });
      return;
    }
    setState({ kind: 'starting' });
    const canvas = document.createElement('canvas');
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      window.clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      if (video.current) video.current.srcObject = null;
    };

    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(
      async (opened) => {
        stream = opened;
        // The page may have gone while the phone asked for permission.
        if (stopped || !video.current) return stop();
        const element = video.current;
        for (const track of opened.getVideoTracks()) {
          track.addEventListener('ended', () => {
            if (stopped) return;
            stop();
            setState({ kind: 'unavailable', problem: 'busy' });
          });
        }
        element.srcObject = opened;
        await element.play().catch(() => undefined);
        if (stopped) return;
        setState({ kind: 'scanning' });
        timer = window.setInterval(() => {
          const text = readFrame(element, canvas);
          if (text !== null && !stopped) onTextRef.current(text, stop);
        }, FRAME_INTERVAL_MS);
      },
      (error: unknown) => {
        if (!stopped) setState({ kind: 'unavailable', problem: problemOf(error) });
      },
    );
    return stop;
  }, [video, attempt]);

  return state;
}
