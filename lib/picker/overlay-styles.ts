/**
 * The page picker's styles, mounted inside its shadow root: the page's CSS does not reach in and
 * these do not reach out. Colours follow components/styles.css, light and dark.
 */
export const overlayStyles = `
:host {
  /* Important rules inside a shadow root beat the page's, even its !important ones on our host. */
  all: initial !important;
}
.picker {
  color-scheme: light dark;
  --bg: light-dark(#ffffff, #1e1f22);
  --fg: light-dark(#1b1c1f, #e8e9ec);
  --muted: light-dark(#5d6169, #a3a7af);
  --control-line: light-dark(#767b84, #858a93);
  --accent: light-dark(#0b5cad, #6fb1ff);
  --accent-fg: light-dark(#ffffff, #0b1a2a);
  --error: light-dark(#b3261e, #ff8a80);
  font: 13.5px / 1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg);
}
[hidden] {
  display: none !important;
}
.box,
.tag,
.dialog {
  position: fixed;
  z-index: 2147483647;
  box-sizing: border-box;
}
/* The highlight: a blue frame with a white halo, visible on light and dark pages alike. */
.box {
  pointer-events: none;
  border-radius: 2px;
  outline: 2px solid #0b5cad;
  box-shadow: 0 0 0 4px rgb(255 255 255 / 0.75);
  background: rgb(11 92 173 / 0.12);
}
.box.misfit {
  outline: 2px dashed #8a5a00;
  background: rgb(138 90 0 / 0.08);
}
.tag {
  pointer-events: none;
  max-width: calc(100vw - 8px);
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
  padding: 2px 6px;
  border-radius: 4px;
  background: #0b5cad;
  color: #ffffff;
  font-size: 13px;
  font-weight: 600;
}
.tag.misfit {
  background: #5c3d00;
}
.dialog {
  top: 12px;
  left: 50%;
  transform: translateX(-50%);
  width: max-content;
  max-width: min(42rem, calc(100vw - 24px));
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 6px 12px;
  padding: 10px 14px;
  border: 1px solid var(--control-line);
  border-radius: 8px;
  background: var(--bg);
  color: var(--fg);
  box-shadow: 0 4px 18px rgb(0 0 0 / 0.3);
}
.text {
  margin: 0;
  flex: 1 1 20rem;
  overflow-wrap: anywhere;
}
.text:empty {
  display: none;
}
.keys {
  color: var(--muted);
}
.status {
  margin: 0;
  flex: 1 1 100%;
  overflow-wrap: anywhere;
}
.status:empty {
  display: none;
}
.status.problem {
  color: var(--error);
  font-weight: 600;
}
.buttons {
  display: flex;
  flex-wrap: wrap;
  gap: 8px;
}
.buttons:empty {
  display: none;
}
button {
  font: inherit;
  color: var(--fg);
  background: var(--bg);
  border: 1px solid var(--control-line);
  border-radius: 6px;
  padding: 4px 12px;
  cursor: pointer;
}
button.primary {
  color: var(--accent-fg);
  background: var(--accent);
  border-color: var(--accent);
}
button:focus-visible {
  outline: 2px solid var(--accent);
  outline-offset: 2px;
}
button:disabled {
  cursor: default;
  opacity: 0.6;
}
`;
