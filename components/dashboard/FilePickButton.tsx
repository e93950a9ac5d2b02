/** A button-styled file input: resets itself so picking the same file twice still fires. */
export function FilePickButton(props: { label: string; accept: string; testId: string; onFile: (file: File | undefined) => void | Promise<void> }) {
  return (
    <label className="btn btn--ghost">
      {props.label}
      <input
        type="file"
        accept={props.accept}
        className="visually-hidden"
        data-testid={props.testId}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          void props.onFile(f);
        }}
      />
    </label>
  );
}
