/** A field's problem, in red under it; its id ties it to the field through `aria-describedby`. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="insp-error" id={id}>
      {message}
    </p>
  );
}
