/**
 * Makes a camera photo fit a weak network: photos above 2 MB (a phone camera's are often 4–8 MB),
 * or in a format the server does not take (HEIC), are redrawn as a JPEG of at most 2048 pixels a
 * side. Smaller JPEG, PNG and WebP photos are sent as taken. A photo the browser cannot decode is
 * kept as it is, and the server's answer says what is wrong with it.
 */
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];
const KEEP_BELOW = 2 * 1024 * 1024;
const MAX_SIDE = 2048;

export async function shrinkPhoto(file: File): Promise<{ blob: Blob; name: string }> {
  if (ACCEPTED.includes(file.type) && file.size <= KEEP_BELOW) return { blob: file, name: file.name };
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob) return { blob: file, name: file.name };
    return { blob, name: `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg` };
  } catch {
    return { blob: file, name: file.name };
  }
}
