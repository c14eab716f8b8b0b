/** A line for "saved": always there (a live region that appears with its text is not surely read out). */
export function StatusMessage({ children }: { children?: string | undefined }) {
  return (
    <span className={children ? 'message message--ok' : undefined} role="status">
      {children}
    </span>
  );
}
