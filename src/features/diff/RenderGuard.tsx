import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead when rendering `children` throws. */
  fallback(error: Error): ReactNode;
  children: ReactNode;
}

/** A diff the parser accepted can still break the renderer: this keeps it from taking the page down. */
export class RenderGuard extends Component<Props, { error: Error | undefined }> {
  override state: { error: Error | undefined } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
