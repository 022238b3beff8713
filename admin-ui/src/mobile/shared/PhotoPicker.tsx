/**
 * Photos taken with the phone's camera (or picked from its gallery), shown as thumbnails, each with
 * a button to remove it. With `album`, the camera and the album get a button each: some phones open
 * only the camera for an input that asks for it, and a citizen often has the photo already.
 */
import { useEffect, useState } from 'react';
import type { ChangeEvent } from 'react';
import { FieldError } from './FieldError.tsx';
import type { OutgoingPhoto } from './api.ts';
import { MAX_PHOTOS } from '../inspect/draft.ts';
import { INSPECT_TEXT } from '../inspect/text.ts';
import { usePhotoAdder } from './usePhotoAdder.ts';

function Thumb({ photo, index, onRemove }: { photo: OutgoingPhoto; index: number; onRemove: () => void }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(photo.blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [photo.blob]);
  return (
    <li className="insp-thumb">
      {url && <img src={url} alt={photo.name} />}
      <button type="button" className="insp-thumb-remove" aria-label={INSPECT_TEXT.removePhoto(index + 1)} onClick={onRemove}>
        ×
      </button>
    </li>
  );
}

type PickHandler = (event: ChangeEvent<HTMLInputElement>) => Promise<void>;

function PickButton({ label, camera, disabled, onPick }: { label: string; camera: boolean; disabled: boolean; onPick: PickHandler }) {
  return (
    <label className={disabled ? 'scan-button secondary insp-disabled' : 'scan-button secondary'}>
      <input
        type="file"
        accept="image/*"
        capture={camera ? 'environment' : undefined}
        multiple
        className="insp-file"
        disabled={disabled}
        aria-describedby="photos-count"
        onChange={(e) => void onPick(e)}
      />
      {label}
    </label>
  );
}

export function PhotoPicker({
  photos,
  error,
  onChange,
  max = MAX_PHOTOS,
  title = INSPECT_TEXT.photos,
  album = false,
}: {
  photos: OutgoingPhoto[];
  error: string | undefined;
  onChange: (update: (photos: OutgoingPhoto[]) => OutgoingPhoto[]) => void;
  max?: number;
  title?: string;
  album?: boolean;
}) {
  const { busy, add } = usePhotoAdder(onChange);
  const full = photos.length >= max;
  return (
    <section className="scan-card" id="field-photos" aria-labelledby="photos-title">
      <h2 className="insp-legend" id="photos-title">
        {title}
      </h2>
      {photos.length > 0 && (
        <ul className="insp-thumbs">
          {photos.map((p, i) => (
            <Thumb key={p.key} photo={p} index={i} onRemove={() => onChange((current) => current.filter((c) => c.key !== p.key))} />
          ))}
        </ul>
      )}
      {album ? (
        <div className="insp-pick">
          <PickButton label={INSPECT_TEXT.camera} camera disabled={full || busy} onPick={add} />
          <PickButton label={INSPECT_TEXT.album} camera={false} disabled={full || busy} onPick={add} />
        </div>
      ) : (
        <PickButton label={INSPECT_TEXT.takePhoto} camera disabled={full || busy} onPick={add} />
      )}
      <p className="insp-hint" id="photos-count">
        {INSPECT_TEXT.photoCount(photos.length, max)}
      </p>
      <FieldError id="error-photos" message={error} />
    </section>
  );
}
