import type { ComponentChildren } from 'preact';

type PanelProps = { id: string; heading: string; help: string; children: ComponentChildren };

/** One section of the options page: a heading, a line of help, and what it is about. */
export function Panel({ id, heading, help, children }: PanelProps) {
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <p class="help">{help}</p>
      {children}
    </section>
  );
}
