interface Props {
  id: string;
  text: string | null;
}

/** The one message a form shows after a failed save; inputs point at it with aria-describedby. */
export function FormError({ id, text }: Props) {
  if (!text) return null;
  return (
    <p id={id} className="notice notice-error" role="alert" data-testid="form-error">
      {text}
    </p>
  );
}
