/** A refusal or failure, said where it happened (announced to screen readers); nothing when there is none. */
export function ErrorLine({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error}
    </p>
  );
}
